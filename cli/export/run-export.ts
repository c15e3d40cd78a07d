// Writes the Pulumi program for an audit report into a new directory.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OktaClient } from "../../sdk";
import type { AuditReport } from "../audit/audit-report";
import type { ExportFlags } from "../cli-options";
import { mapLimit } from "../map-limit";
import { packageVersion } from "./package-version";
import { planBindings } from "./plan-bindings";
import { renderProgram } from "./render-program";
import { renderProjectFiles } from "./render-project-files";

/** Where the report comes from, and how to reach the org for app instances' catalog keys. */
export interface ExportSource {
  /** The audit just run; absent with `--from-report`. */
  report?: AuditReport;
  /** A read-only client, made on first need. */
  client: () => OktaClient;
  stderr: (text: string) => void;
  concurrency: number;
}

/** The files written, by name. */
export type ExportedFiles = Record<string, string>;

/** Plans the bindings and writes index.ts, package.json, Pulumi.yaml, tsconfig.json, README.md and audit-report.json. */
export async function runExport(flags: ExportFlags, source: ExportSource): Promise<ExportedFiles> {
  const report = source.report ?? readReport(flags.fromReport ?? "");
  if (existsSync(flags.outDir) && readdirSync(flags.outDir).length > 0) {
    throw new Error(`--out ${flags.outDir} exists and is not empty: choose a new directory, so nothing of yours is overwritten`);
  }
  const appKeys = await readAppKeys(report, flags, source);
  const plan = planBindings(report, flags, appKeys);
  const todos = plan.bindings.filter((b) => b.todo).length;
  const files: ExportedFiles = {
    "index.ts": renderProgram(plan, { org: report.org, generatedAt: report.generatedAt, mode: flags.mode }),
    ...renderProjectFiles({ project: flags.project, org: report.org, packageVersion: `^${packageVersion()}`, pulumiVersion: "^3.248.0", bindings: plan.bindings.length - todos, todos }),
    "audit-report.json": JSON.stringify(report, null, 2) + "\n",
  };
  mkdirSync(flags.outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(flags.outDir, name), text);
  source.stderr(`Wrote ${plan.bindings.length - todos} bindings${todos > 0 ? ` and ${todos} TODOs for unscoped roles` : ""} to ${flags.outDir}; see its README.md to adopt them.\n`);
  return files;
}

function readReport(file: string): AuditReport {
  let report: AuditReport;
  try {
    report = JSON.parse(readFileSync(file, "utf8")) as AuditReport;
  } catch (error) {
    throw new Error(`--from-report ${file}: cannot read it as JSON (${(error as Error).message}); save one with 'audit --json > report.json'`);
  }
  if (report?.schemaVersion !== 1 || !Array.isArray(report.assignments)) throw new Error(`--from-report ${file}: not an 'audit --json' report of schemaVersion 1`);
  return report;
}

// An app instance binding needs the instance's catalog key, which target lists do not carry: one GET per instance.
async function readAppKeys(report: AuditReport, flags: ExportFlags, source: ExportSource): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  if (!flags.kinds.includes("appInstances")) return keys;
  const ids = new Set<string>();
  for (const a of report.assignments) {
    if (!flags.principals.includes(a.holder.kind) || (flags.roles && !flags.roles.includes(a.roleType))) continue;
    for (const t of a.targets) if (t.kind === "appInstance") ids.add(t.id);
  }
  if (ids.size === 0) return keys;
  const client = source.client();
  await mapLimit([...ids], source.concurrency, async (id) => {
    keys.set(id, (await client.getApp(id)).name);
  });
  return keys;
}
