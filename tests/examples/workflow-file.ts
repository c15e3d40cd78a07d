// Loads a GitHub Actions workflow from examples/ci and finds its steps and secret references.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { EXAMPLES_DIR } from "./examples-list";

/** One step of a job, as written. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

/** A parsed workflow: the raw object and every step of every job. */
export interface Workflow {
  doc: Record<string, unknown>;
  steps: WorkflowStep[];
}

/** Parses `examples/ci/<file>`, failing on any YAML error or warning. */
export function loadWorkflow(file: string): Workflow {
  const parsed = parseDocument(fs.readFileSync(path.join(EXAMPLES_DIR, "ci", file), "utf8"), { strict: true, uniqueKeys: true });
  const problems = [...parsed.errors, ...parsed.warnings];
  if (problems.length) throw new Error(`${file}: ${problems.map((p) => p.message).join("; ")}`);
  const doc = parsed.toJS() as Record<string, unknown>;
  const jobs = (doc.jobs ?? {}) as Record<string, { steps?: WorkflowStep[] }>;
  return { doc, steps: Object.values(jobs).flatMap((j) => j.steps ?? []) };
}

/** Every string that mentions `secrets.`, with the key path leading to it. */
export function secretReferences(value: unknown, at: string[] = []): { path: string[]; text: string }[] {
  if (typeof value === "string") return value.includes("secrets.") ? [{ path: at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => secretReferences(v, [...at, String(i)]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => secretReferences(v, [...at, k]));
  return [];
}
