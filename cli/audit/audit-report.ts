// The audit's result: one entry per role assignment, as `--json` prints it (see cli/audit-report.schema.json).
import type { TargetKind } from "./role-kinds";

/** The kind of principal holding a role. */
export type HolderKind = "user" | "group" | "client";

/** Who holds a role assignment. */
export interface AuditHolder {
  /** `user`, `group` or `client` (an OAuth service app). */
  kind: HolderKind;
  /** User id, group id or client id. */
  id: string;
  /** Login, group name or app label; the id when the name could not be read. */
  name: string;
  /** Okta status of a user or app (`ACTIVE`, `DEPROVISIONED`, …); absent for groups. */
  status?: string;
  /** Groups only: members seen (at most the first page), and whether there are more. */
  members?: { count: number; more: boolean };
}

/** One target, by kind. */
export interface AuditTarget {
  /** `group`, `catalogApp` (every instance of an OIN app) or `appInstance`. */
  kind: "group" | "catalogApp" | "appInstance";
  /** Group id, catalog key, or app instance id. */
  id: string;
  /** Group name, catalog display name, or app label. */
  name: string;
}

/** A fact worth a person's attention. */
export interface AuditNote {
  /** Stable code: `unscoped`, `deactivated-holder`, `inactive-holder`, `group-without-members`, `custom-role`. */
  code: string;
  /** The same in words. */
  message: string;
}

/** One role assignment and what it covers. */
export interface AuditAssignment {
  holder: AuditHolder;
  /** Okta's role type, such as `HELP_DESK_ADMIN`. */
  roleType: string;
  /** The role assignment id. */
  roleAssignmentId: string;
  /** Okta's label for the role. */
  roleLabel: string;
  /** `direct` when a user or client holds it; `group` when the members hold it through the group. */
  heldThrough: "direct" | "group";
  /** The kind of targets the role takes; `null` for roles that take none (they apply org-wide by design). */
  targetKind: TargetKind | null;
  /** True when the role takes targets but has none, so it applies to ALL groups or ALL apps. */
  unscoped: boolean;
  /** Its targets; empty for unscoped and untargetable roles. */
  targets: AuditTarget[];
  notes: AuditNote[];
}

/** The whole audit. */
export interface AuditReport {
  /** Bumped only when a field changes meaning or goes away. */
  schemaVersion: 1;
  /** The org's origin. */
  org: string;
  /** When the audit finished (ISO 8601). */
  generatedAt: string;
  /** `default` (assignee list + service apps) or `complete` (also every group). */
  mode: "default" | "complete";
  /** What this mode can have missed, in words; empty when nothing. */
  mayMiss: string[];
  summary: {
    assignments: number;
    targetable: number;
    unscoped: number;
    holders: { user: number; group: number; client: number };
    /** HTTP requests the audit sent, retries included. */
    apiCalls: number;
    durationMs: number;
  };
  /** Unscoped first, then by holder kind, holder name and role type. */
  assignments: AuditAssignment[];
}
