// Reads the recorded live-Okta traffic (go-vcr cassettes) that the replay test plays against the emulator.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

/** Where the shared recordings live, relative to this repository. */
export const RECORDINGS_DIR = resolve(__dirname, "../../../../shared/okta-api/recordings");

/** One recorded request and Okta's answer. */
export interface Interaction {
  id: number;
  method: string;
  /** The recorded absolute URL. */
  url: string;
  requestBody: string;
  status: number;
  responseHeaders: Record<string, string[]>;
  responseBody: string;
}

/** The recording files, sorted; fails with a clear message when the folder is missing. */
export function recordingFiles(): string[] {
  if (!existsSync(RECORDINGS_DIR)) {
    throw new Error(`The recordings are missing: expected them in ${RECORDINGS_DIR} (shared/okta-api/recordings next to this repository)`);
  }
  return readdirSync(RECORDINGS_DIR).filter((name) => name.endsWith(".yaml")).sort();
}

/** The interactions of one recording file, in order. */
export function readRecording(file: string): Interaction[] {
  const cassette = parse(readFileSync(join(RECORDINGS_DIR, file), "utf8")) as {
    interactions: {
      id: number;
      request: { method: string; url: string; body?: string };
      response: { code: number; headers?: Record<string, string[]>; body?: string };
    }[];
  };
  return cassette.interactions.map((interaction) => ({
    id: interaction.id,
    method: interaction.request.method,
    url: interaction.request.url,
    requestBody: (interaction.request.body ?? "").trim(),
    status: interaction.response.code,
    responseHeaders: interaction.response.headers ?? {},
    responseBody: (interaction.response.body ?? "").trim(),
  }));
}
