// GroupTargetBinding: the groups a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN may manage.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { BindingResource } from "./binding-resource";

/** Arguments of {@link GroupTargetBinding}. */
export interface GroupTargetBindingArgs extends BindingCommonArgs {
  /** The groups (`00g…` ids) the role is scoped to: at least one, each once. */
  groupIds: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Scopes a group-targeted admin role (USER_ADMIN, HELP_DESK_ADMIN,
 * GROUP_MEMBERSHIP_ADMIN) of a user, group or OAuth client to a set of groups.
 */
export class GroupTargetBinding extends BindingResource {
  /** The group targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly groupIds: pulumi.Output<string[]>;

  /** Declares the group targets of one role assignment. */
  constructor(name: string, args: GroupTargetBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super("group", "GroupTargetBinding", name, args, { groupIds: args.groupIds }, opts);
  }
}
