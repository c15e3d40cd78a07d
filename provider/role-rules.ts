// Which standard Okta roles take which kinds of target (the provider's own reading of Okta's rules).
import { TargetKind } from "./target-ref";

/** Roles whose scope is narrowed by group targets. */
export const GROUP_TARGET_ROLES: readonly string[] = ["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

/** Roles whose scope is narrowed by app (catalog or instance) targets. */
export const APP_TARGET_ROLES: readonly string[] = ["APP_ADMIN"];

/** Standard role types Okta knows; used to tell a typo from a role that takes no targets. */
export const STANDARD_ROLE_TYPES: readonly string[] = [
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
];

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
