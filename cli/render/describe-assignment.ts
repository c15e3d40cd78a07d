// Short human phrases for one audited assignment, shared by the table and Markdown renderers.
import type { AuditAssignment } from "../audit/audit-report";

/** "user alice@example.com", "group IT Admins (3 members)", "client platform-automation". */
export function describeHolder(a: AuditAssignment): string {
  const h = a.holder;
  const members = h.members ? ` (${h.members.count}${h.members.more ? "+" : ""} member${h.members.count === 1 && !h.members.more ? "" : "s"})` : "";
  return `${h.kind} ${h.name}${members}`;
}

/** "ALL groups" for unscoped, "n/a (takes no targets)" for untargetable roles, else the first names and a count of the rest. */
export function describeTargets(a: AuditAssignment, max = 3): string {
  if (a.roleType === "CUSTOM") return "its resource set";
  if (a.targetKind === null) return "n/a (takes no targets)";
  if (a.unscoped) return `ALL ${a.targetKind}`;
  const names = a.targets.map((t) => (t.kind === "catalogApp" ? `${t.name} (all instances)` : t.name));
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} +${names.length - max} more` : shown;
}

/** The notes other than `unscoped` (the table already says it), joined. */
export function describeNotes(a: AuditAssignment): string {
  return a.notes.filter((n) => n.code !== "unscoped").map((n) => n.message).join("; ");
}
