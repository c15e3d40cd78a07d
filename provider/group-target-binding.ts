// GroupTargetBinding: the groups a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN may manage.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs, BindingModeArg, BindingTargetSummary, LastTargetArg } from "./binding-args";
import { BINDING_MODULE, bindingProps } from "./binding-props";
import { providerShim } from "./provider-shim";

/** Arguments of {@link GroupTargetBinding}. */
export interface GroupTargetBindingArgs extends BindingCommonArgs {
  /** The groups (`00g…` ids) the role is scoped to: at least one, each once. */
  groupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Scopes a group-targeted admin role (USER_ADMIN, HELP_DESK_ADMIN,
 * GROUP_MEMBERSHIP_ADMIN) of a user, group or OAuth client to a set of groups.
 */
export class GroupTargetBinding extends pulumi.dynamic.Resource {
  /** `user`, `group` or `client`. */
  declare readonly principalType: pulumi.Output<"user" | "group" | "client">;
  /** The user id, group id or client id holding the role. */
  declare readonly principalId: pulumi.Output<string>;
  /** The role assignment whose targets this binding manages. */
  declare readonly roleAssignmentId: pulumi.Output<string>;
  /** The role's type. */
  declare readonly roleType: pulumi.Output<string>;
  /** The group targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly groupIds: pulumi.Output<string[]>;
  /** The group targets with their names. */
  declare readonly targets: pulumi.Output<BindingTargetSummary[]>;
  /** The ownership mode as set; unset means `authoritative`. */
  declare readonly mode: pulumi.Output<BindingModeArg | undefined>;
  /** The last-target policy as set; unset means `retain`. */
  declare readonly lastTarget: pulumi.Output<LastTargetArg | undefined>;

  /** Declares the group targets of one role assignment. */
  constructor(name: string, args: GroupTargetBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim(), name, bindingProps("group", args, { groupIds: args.groupIds }), opts, BINDING_MODULE, "GroupTargetBinding");
  }
}
