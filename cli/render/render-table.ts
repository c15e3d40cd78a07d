// Renders the audit as an aligned plain-text table for a terminal, unscoped roles first.
import type { AuditReport } from "../audit/audit-report";
import { describeHolder, describeNotes, describeTargets } from "./describe-assignment";

const HEADERS = ["SCOPE", "HOLDER", "HELD", "ROLE", "TARGETS", "NOTES"];

/** The table, a summary line and what the mode may have missed. */
export function renderTable(report: AuditReport): string {
  const rows = report.assignments.map((a) => [
    a.unscoped ? "UNSCOPED" : a.targetKind === null ? "-" : "scoped",
    describeHolder(a),
    a.heldThrough === "group" ? "via group" : "direct",
    a.roleType,
    describeTargets(a),
    describeNotes(a),
  ]);
  const widths = HEADERS.map((header, i) => Math.min(60, Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length))));
  const line = (cells: string[]): string => cells.map((cell, i) => clip(cell, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const out = [`Okta admin roles in ${report.org} (${report.mode} audit)`, "", line(HEADERS), ...rows.map(line), ""];
  out.push(...summaryLines(report));
  return out.join("\n") + "\n";
}

/** "12 role assignments: 9 take targets, 2 of them UNSCOPED …" and the mode's blind spots. */
export function summaryLines(report: AuditReport): string[] {
  const s = report.summary;
  const lines = [
    `${count(s.assignments, "role assignment")} held by ${count(s.holders.user, "user")}, ${count(s.holders.group, "group")} and ${count(s.holders.client, "service app")}: ${s.targetable} take targets, ${s.unscoped} of them UNSCOPED (they apply to ALL groups or ALL apps).`,
    `${s.apiCalls} API calls in ${(s.durationMs / 1000).toFixed(1)} s.`,
  ];
  if (report.mayMiss.length > 0) lines.push("This audit may have missed:", ...report.mayMiss.map((m) => `  - ${m}`), "Run with --complete to read every group's roles.");
  return lines;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + "…";
}
