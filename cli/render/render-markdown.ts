// Renders the audit as Markdown for a pull-request comment or a ticket.
import type { AuditReport } from "../audit/audit-report";
import { describeHolder, describeNotes, describeTargets } from "./describe-assignment";
import { summaryLines } from "./render-table";

/** A heading, the summary and one table row per assignment (every target named). */
export function renderMarkdown(report: AuditReport): string {
  const cell = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const out = [`## Okta admin roles in ${report.org}`, "", ...summaryLines(report).map((l) => (l.startsWith("  - ") ? l.slice(2) : l)), ""];
  out.push("| scope | holder | held | role | targets | notes |", "|---|---|---|---|---|---|");
  for (const a of report.assignments) {
    const scope = a.unscoped ? "**UNSCOPED**" : a.targetKind === null ? "n/a" : "scoped";
    const held = a.heldThrough === "group" ? "via group" : "direct";
    out.push(`| ${scope} | ${cell(describeHolder(a))} | ${held} | \`${a.roleType}\` | ${cell(describeTargets(a, Infinity))} | ${cell(describeNotes(a))} |`);
  }
  return out.join("\n") + "\n";
}
