// Puts discovery, holders and targets together into the report: notes, unscoped flags, order and summary.
import type { AuditAssignment, AuditHolder, AuditNote, AuditReport, AuditTarget } from "./audit-report";
import type { Discovery } from "./discover-assignments";
import { targetKindOf } from "./role-kinds";

/** What else the report needs besides the findings. */
export interface ReportContext {
  org: string;
  mode: "default" | "complete";
  mayMiss: string[];
  apiCalls: number;
  durationMs: number;
  generatedAt: string;
}

/** The finished report; assignments sorted unscoped first, then by holder kind, name and role. */
export function assembleReport(found: Discovery, holders: Map<string, AuditHolder>, targets: Map<string, AuditTarget[]>, context: ReportContext): AuditReport {
  const assignments: AuditAssignment[] = [...found.assignments.entries()].map(([key, a]) => {
    const holder = holders.get(`${a.holderKind}/${a.holderId}`) ?? { kind: a.holderKind, id: a.holderId, name: a.holderId };
    const kind = targetKindOf(a.role.type);
    const own = targets.get(key) ?? [];
    const unscoped = kind !== undefined && own.length === 0;
    return {
      holder,
      roleType: a.role.type,
      roleAssignmentId: a.role.id,
      roleLabel: a.role.label ?? a.role.type,
      heldThrough: a.holderKind === "group" ? "group" : "direct",
      targetKind: kind ?? null,
      unscoped,
      targets: own,
      notes: notesFor(holder, a.role.type, unscoped, kind),
    };
  });
  assignments.sort(byAttention);
  const holderKeys = new Set(assignments.map((a) => `${a.holder.kind}/${a.holder.id}`));
  const count = (kind: string): number => [...holderKeys].filter((key) => key.startsWith(`${kind}/`)).length;
  return {
    schemaVersion: 1,
    org: context.org,
    generatedAt: context.generatedAt,
    mode: context.mode,
    mayMiss: context.mayMiss,
    summary: {
      assignments: assignments.length,
      targetable: assignments.filter((a) => a.targetKind !== null).length,
      unscoped: assignments.filter((a) => a.unscoped).length,
      holders: { user: count("user"), group: count("group"), client: count("client") },
      apiCalls: context.apiCalls,
      durationMs: context.durationMs,
    },
    assignments,
  };
}

function notesFor(holder: AuditHolder, roleType: string, unscoped: boolean, kind: string | undefined): AuditNote[] {
  const notes: AuditNote[] = [];
  if (unscoped) notes.push({ code: "unscoped", message: `${roleType} has no ${kind} targets, so it applies to ALL ${kind}` });
  if (roleType === "CUSTOM") notes.push({ code: "custom-role", message: "a custom role: its resource set decides its scope, and this tool does not read resource sets" });
  if (holder.kind === "user" && holder.status === "DEPROVISIONED") notes.push({ code: "deactivated-holder", message: "a deactivated user still holds this role" });
  else if (holder.status === "GONE") notes.push({ code: "inactive-holder", message: "the holder was deleted while the audit ran" });
  else if (holder.status !== undefined && holder.status !== "ACTIVE") notes.push({ code: "inactive-holder", message: `the holder's status is ${holder.status}` });
  if (holder.kind === "group" && holder.members?.count === 0) notes.push({ code: "group-without-members", message: "the group has no members, so nobody holds this role today" });
  return notes;
}

const KIND_ORDER = { user: 0, group: 1, client: 2 } as const;

function byAttention(a: AuditAssignment, b: AuditAssignment): number {
  return (
    Number(b.unscoped) - Number(a.unscoped) ||
    Number(b.targetKind !== null) - Number(a.targetKind !== null) ||
    KIND_ORDER[a.holder.kind] - KIND_ORDER[b.holder.kind] ||
    a.holder.name.localeCompare(b.holder.name) ||
    a.holder.id.localeCompare(b.holder.id) ||
    a.roleType.localeCompare(b.roleType)
  );
}
