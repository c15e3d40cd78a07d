// Writes the Pulumi program for an audit report (placeholder until the exporter lands).
import type { AuditReport } from "../audit/audit-report";
import type { ExportFlags } from "../cli-options";

/** Writes the program into `flags.outDir`. */
export async function runExport(_flags: ExportFlags, _report: AuditReport | undefined, _io: { stderr: (text: string) => void }): Promise<void> {
  throw new Error("export is not available in this build yet; use audit --json for now");
}
