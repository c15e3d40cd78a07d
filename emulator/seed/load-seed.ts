// Reads a seed given as an object or a JSON file path, and locates the bundled demo org.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSeed } from "./parse-seed";
import { SeedError, type EmulatorSeed } from "./seed-types";

/** Path of the bundled demo org seed (next to the emulator's code in src and in dist). */
export const DEMO_ORG_SEED_PATH = join(__dirname, "..", "demo-org.json");

/** Parses a seed object, or reads and parses a JSON file when given a path. */
export function loadSeed(seed: EmulatorSeed | string | undefined): EmulatorSeed {
  if (seed === undefined) return parseSeed({});
  if (typeof seed !== "string") return parseSeed(seed);
  let text: string;
  try {
    text = readFileSync(seed, "utf8");
  } catch (error) {
    throw new SeedError(`cannot read seed file ${seed}: ${(error as Error).message}`);
  }
  try {
    return parseSeed(JSON.parse(text));
  } catch (error) {
    if (error instanceof SeedError) throw error;
    throw new SeedError(`seed file ${seed} is not valid JSON: ${(error as Error).message}`);
  }
}
