// The standard admin roles the emulator knows: label, which targets each takes, and its id rule.
import { base32 } from "./base32";

/** What kind of targets a role can be narrowed to. */
export type TargetKind = "groups" | "apps" | "none";

/** One standard role type as Okta presents it. */
export interface RoleTypeInfo {
  /** Okta's role type, e.g. `APP_ADMIN`. */
  readonly type: string;
  /** The `label` Okta returns on the role assignment. */
  readonly label: string;
  /** The targets the role accepts; `none` means every target call is refused with E0000091. */
  readonly targets: TargetKind;
}

// Labels as seen in live traffic (recordings) where recorded; otherwise Okta's admin-console names.
const ROLE_TYPES: readonly RoleTypeInfo[] = [
  { type: "SUPER_ADMIN", label: "Super Administrator", targets: "none" },
  { type: "ORG_ADMIN", label: "Organization Administrator", targets: "none" },
  { type: "APP_ADMIN", label: "Application Administrator", targets: "apps" },
  { type: "USER_ADMIN", label: "Group Administrator", targets: "groups" },
  { type: "HELP_DESK_ADMIN", label: "Help Desk Administrator", targets: "groups" },
  { type: "GROUP_MEMBERSHIP_ADMIN", label: "Group Membership Administrator", targets: "groups" },
  { type: "READ_ONLY_ADMIN", label: "Read-only Administrator", targets: "none" },
  { type: "MOBILE_ADMIN", label: "Mobile Administrator", targets: "none" },
  { type: "API_ACCESS_MANAGEMENT_ADMIN", label: "API Access Management Administrator", targets: "none" },
  { type: "REPORT_ADMIN", label: "Report Administrator", targets: "none" },
];

/** Looks up a standard role type; undefined for unknown or custom types. */
export function roleTypeInfo(type: string): RoleTypeInfo | undefined {
  return ROLE_TYPES.find((role) => role.type === type);
}

/** Every standard role type the emulator accepts, in a stable order. */
export function knownRoleTypes(): readonly string[] {
  return ROLE_TYPES.map((role) => role.type);
}

/**
 * The fixed role-assignment id of a targetable role: unpadded base32 of its type, the same for
 * every principal and after delete + reassign. Undefined for roles that take no targets.
 */
export function fixedRoleAssignmentId(type: string): string | undefined {
  const info = roleTypeInfo(type);
  return info && info.targets !== "none" ? base32(type) : undefined;
}
