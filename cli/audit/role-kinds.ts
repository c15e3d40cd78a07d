// Which admin roles take targets, and of which kind; the command line's own reading of Okta's rules.

/** The kind of target a role can be narrowed to. */
export type TargetKind = "groups" | "apps";

/** The targetable standard roles and the one kind of target each takes. */
export const TARGETABLE_ROLES: Readonly<Record<string, TargetKind>> = {
  USER_ADMIN: "groups",
  HELP_DESK_ADMIN: "groups",
  GROUP_MEMBERSHIP_ADMIN: "groups",
  APP_ADMIN: "apps",
};

/** The kind of target `roleType` takes, or `undefined` for roles that take none (SUPER_ADMIN, ORG_ADMIN, …). */
export function targetKindOf(roleType: string): TargetKind | undefined {
  return Object.prototype.hasOwnProperty.call(TARGETABLE_ROLES, roleType) ? TARGETABLE_ROLES[roleType] : undefined;
}
