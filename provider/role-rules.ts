// Which standard Okta roles take which kinds of target (the provider's own reading of Okta's rules).
import { nearestMatches } from "./nearest-matches";
import { TargetKind } from "./target-ref";

/** Roles whose scope is narrowed by group targets. */
export const GROUP_TARGET_ROLES: readonly string[] = ["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

/** Roles whose scope is narrowed by app (catalog or instance) targets. */
export const APP_TARGET_ROLES: readonly string[] = ["APP_ADMIN"];

/** Standard role types Okta knows; used to tell a typo from a role that takes no targets. */
export const STANDARD_ROLE_TYPES = [
  "SUPER_ADMIN",
  "ORG_ADMIN",
  "APP_ADMIN",
  "USER_ADMIN",
  "HELP_DESK_ADMIN",
  "GROUP_MEMBERSHIP_ADMIN",
  "READ_ONLY_ADMIN",
  "MOBILE_ADMIN",
  "API_ACCESS_MANAGEMENT_ADMIN",
  "REPORT_ADMIN",
  "API_ADMIN",
  "ACCESS_CERTIFICATIONS_ADMIN",
  "ACCESS_REQUESTS_ADMIN",
] as const;

/** One of Okta's standard role types, such as `HELP_DESK_ADMIN`. */
export type StandardRoleType = (typeof STANDARD_ROLE_TYPES)[number];

/** True when `value` is one of {@link STANDARD_ROLE_TYPES}. */
export function isStandardRoleType(value: unknown): value is StandardRoleType {
  return typeof value === "string" && (STANDARD_ROLE_TYPES as readonly string[]).includes(value);
}

/** The role types that accept targets of `kind`. */
export function rolesFor(kind: TargetKind): readonly string[] {
  return kind === "group" ? GROUP_TARGET_ROLES : APP_TARGET_ROLES;
}

/** Which @pulumi/okta resource usually assigns a role to each kind of principal. */
export const ROLE_ASSIGNING_RESOURCE: Readonly<Record<"user" | "group" | "client", string>> = {
  user: "okta.UserAdminRoles",
  group: "okta.group.Role",
  client: "okta.app.OauthRoleAssignment",
};

/** Admin Console names whose words differ from the role type they stand for. */
const CONSOLE_NAMES: Readonly<Record<string, StandardRoleType>> = { GROUP_ADMIN: "USER_ADMIN" };

/** Upper case, words joined by `_`, console words shortened: "Help Desk Administrator" → HELP_DESK_ADMIN. */
function normalizeRole(s: string): string {
  const words = s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .replace(/ADMINISTRATOR/g, "ADMIN")
    .replace(/APPLICATION/g, "APP")
    .replace(/ORGANIZATION/g, "ORG");
  return CONSOLE_NAMES[words] ?? words;
}

/**
 * The standard role type a mistyped `roleType` most likely meant, preferring
 * roles that take targets of `kind`; `undefined` when nothing is close.
 * `HELP_DESK_ADMN`, `helpdesk_admin` and "Help Desk Administrator" all give HELP_DESK_ADMIN.
 */
export function suggestRoleType(value: string, kind: TargetKind): StandardRoleType | undefined {
  const options = { limit: 1, normalize: normalizeRole };
  const [fit] = nearestMatches(value, rolesFor(kind), options);
  const [any] = fit ? [fit] : nearestMatches(value, STANDARD_ROLE_TYPES, options);
  return any as StandardRoleType | undefined;
}
