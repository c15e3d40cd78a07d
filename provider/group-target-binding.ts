// GroupTargetBinding: the groups a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN may manage.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { BindingResource } from "./binding-resource";

/** Arguments of {@link GroupTargetBinding}. */
export interface GroupTargetBindingArgs<R extends string = string> extends BindingCommonArgs<R> {
  /** The groups (`00g…` ids) the role is scoped to: at least one, each once. */
  groupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Scopes a group-targeted admin role (USER_ADMIN, HELP_DESK_ADMIN,
 * GROUP_MEMBERSHIP_ADMIN) of a user, group or OAuth client to a set of groups.
 *
 * @example
 * A user's HELP_DESK_ADMIN role, scoped to two regional groups. With
 * `assignRole: true` the binding assigns the role and adds its first target in
 * the next request, so the role is never left covering ALL groups.
 * ```ts
 * import * as okta from "@pulumi/okta";
 * import { GroupTargetBinding } from "pulumi-okta-role-targets";
 *
 * const admin = new okta.user.User("helpdesk-admin", {
 *   login: "helpdesk@example.com", email: "helpdesk@example.com", firstName: "Help", lastName: "Desk",
 * });
 * const emea = new okta.group.Group("staff-emea", { name: "Staff EMEA" });
 * const apac = new okta.group.Group("staff-apac", { name: "Staff APAC" });
 *
 * const scope = new GroupTargetBinding("helpdesk-regions", {
 *   userId: admin.id,            // or groupId, or clientId
 *   roleType: "HELP_DESK_ADMIN", // assignRole needs roleType (not roleAssignmentId)
 *   assignRole: true,            // the binding owns the role: destroy unassigns it
 *   groupIds: [emea.id, apac.id],
 * });
 *
 * export const scopedTo = scope.targets.apply((targets) => targets.map((t) => t.displayName));
 * ```
 */
export class GroupTargetBinding<R extends string = string> extends BindingResource {
  /** The group targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly groupIds: pulumi.Output<string[]>;

  /** Declares the group targets of one role assignment. */
  constructor(name: string, args: GroupTargetBindingArgs<R>, opts?: pulumi.CustomResourceOptions) {
    super("group", "GroupTargetBinding", name, args, { groupIds: args.groupIds }, opts);
  }
}
