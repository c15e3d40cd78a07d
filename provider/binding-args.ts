// Arguments every binding shares: who holds the role, which role, and how to own its targets.
import type * as pulumi from "@pulumi/pulumi";
import type { StandardRoleType } from "./role-rules";

export type { StandardRoleType };

/** `R` itself when it is a standard role type or a wide `string`; the standard role types otherwise. */
export type CheckedRoleType<R extends string> = string extends R ? string : R extends StandardRoleType ? R : StandardRoleType;

/**
 * A role type. A literal must be one of the standard role types, so TypeScript
 * refuses a typo such as `"HELP_DESK_ADMN"` (and suggests the right one); any
 * `string`, `Output<string>` or `Promise<string>`, such as a config value, is
 * accepted and checked at preview instead.
 */
export type RoleTypeInput<R extends string = string> = pulumi.Input<R & CheckedRoleType<R>> | pulumi.Input<CheckedRoleType<R>>;

/** How a binding treats targets it did not declare. */
export type BindingModeArg = "authoritative" | "additive";

/** What destroy does when Okta would be left with no target (which means ALL groups or apps). */
export type LastTargetArg = "retain" | "unassignRole" | "fail";

/**
 * The principal, the role, and the ownership options of a binding.
 * Set exactly one of `userId`, `groupId` and `clientId`, and exactly one of
 * `roleType` and `roleAssignmentId`.
 */
export interface BindingCommonArgs<R extends string = string> {
  /** Id of the user (`00u…`) holding the role, e.g. `okta.user.User.id`. */
  userId?: pulumi.Input<string>;
  /** Id of the group (`00g…`) holding the role, e.g. `okta.group.Group.id`. */
  groupId?: pulumi.Input<string>;
  /** Client id of the OAuth service app holding the role, e.g. `okta.app.OAuth.clientId`. */
  clientId?: pulumi.Input<string>;
  /**
   * The role's type, resolved to the principal's role assignment by listing its
   * roles. Unless `assignRole` is set, the role must already be assigned
   * (okta.UserAdminRoles, okta.group.Role or okta.app.OauthRoleAssignment);
   * make the binding depend on that resource.
   */
  roleType?: RoleTypeInput<R>;
  /** The role assignment id, if you already have it (e.g. `IFIFAX2BIRGUSTQ` for APP_ADMIN). */
  roleAssignmentId?: pulumi.Input<string>;
  /**
   * `authoritative` (default): the binding owns every target of its kind on the
   * role assignment and removes the ones it does not declare; on create it adopts
   * what exists. `additive`: it only adds its own targets and only removes its own.
   */
  mode?: pulumi.Input<BindingModeArg>;
  /**
   * What destroy does when Okta refuses to remove the role's last target.
   * `retain` (default): leave that one target in place and warn; the role stays
   * narrowly scoped. `unassignRole`: delete the role assignment itself, removing
   * the privilege. `fail`: stop with an explanation.
   */
  lastTarget?: pulumi.Input<LastTargetArg>;
  /**
   * `true`: the binding owns the role assignment itself. Create assigns the
   * role (or adopts it if the principal already holds it) and adds the first
   * declared target before any other request to that role, so the role is
   * never unscoped; destroy unassigns the role (`lastTarget` does not apply).
   * Needs `roleType`, not `roleAssignmentId`. At most one live binding of a
   * program may own a given role assignment. Default `false`.
   */
  assignRole?: pulumi.Input<boolean>;
}

/** Outputs every binding shares. */
export interface BindingTargetSummary {
  /** Group id or app instance id; absent for catalog app targets. */
  id?: string;
  /** Group name, catalog key, or app instance label. */
  name: string;
  /** What people see in the admin console. */
  displayName: string;
}
