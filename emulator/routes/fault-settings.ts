// Validates the body of POST /__emulator/faults into fault settings, with messages that say what is wrong.
import { isObject } from "../domain/json-input";
import { DEFAULT_SLOW_MS, FAULT_KINDS, type FaultConfig, type FaultKind } from "../http/fault-injector";

/** Reads `{ rate, kinds, seed, slowMs? }`; returns the settings or a message describing the problem. */
export function readFaultSettings(body: unknown): FaultConfig | string {
  if (!isObject(body)) return "body must be a JSON object { rate, kinds, seed, slowMs? }";
  const unknownKeys = Object.keys(body).filter((key) => !["rate", "kinds", "seed", "slowMs"].includes(key));
  if (unknownKeys.length > 0) return `unknown field(s): ${unknownKeys.join(", ")}`;
  const { rate, kinds, seed, slowMs = DEFAULT_SLOW_MS } = body;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) return "rate must be a number from 0 to 1";
  if (!Array.isArray(kinds) || kinds.length === 0) return `kinds must be a non-empty array of ${FAULT_KINDS.join(", ")}`;
  const bad = kinds.filter((kind) => !(FAULT_KINDS as readonly unknown[]).includes(kind));
  if (bad.length > 0) return `unknown fault kind(s): ${bad.map(String).join(", ")} (known: ${FAULT_KINDS.join(", ")})`;
  if (typeof seed !== "number" || !Number.isInteger(seed)) return "seed must be an integer";
  if (typeof slowMs !== "number" || !Number.isInteger(slowMs) || slowMs < 0) return "slowMs must be a non-negative integer";
  return { rate, kinds: kinds as FaultKind[], seed, slowMs };
}
