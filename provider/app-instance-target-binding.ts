// AppInstanceTargetBinding: the individual app instances an APP_ADMIN may manage.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs, BindingModeArg, BindingTargetSummary, LastTargetArg } from "./binding-args";
import { BINDING_MODULE, bindingProps } from "./binding-props";
import { providerShim } from "./provider-shim";

/** One app instance to target. */
export interface AppInstanceArgs {
  /** The app's OIN catalog key, e.g. `bookmark`, `salesforce`, or `oidc_client` for OIDC apps. */
  appName: pulumi.Input<string>;
  /** The app instance id (`0oa…`), e.g. `okta.app.Bookmark.id`. */
  appId: pulumi.Input<string>;
}

/** Arguments of {@link AppInstanceTargetBinding}. */
export interface AppInstanceTargetBindingArgs extends BindingCommonArgs {
  /** The app instances the role is scoped to: at least one, each once. */
  apps: pulumi.Input<pulumi.Input<AppInstanceArgs>[]>;
}

/**
 * Scopes an APP_ADMIN role of a user, group or OAuth client to individual app
 * instances. Instances are matched by id, with no extra lookups per target.
 */
export class AppInstanceTargetBinding extends pulumi.dynamic.Resource {
  /** `user`, `group` or `client`. */
  declare readonly principalType: pulumi.Output<"user" | "group" | "client">;
  /** The user id, group id or client id holding the role. */
  declare readonly principalId: pulumi.Output<string>;
  /** The role assignment whose targets this binding manages. */
  declare readonly roleAssignmentId: pulumi.Output<string>;
  /** The role's type (APP_ADMIN). */
  declare readonly roleType: pulumi.Output<string>;
  /** The app instance targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly apps: pulumi.Output<{ appName: string; appId: string }[]>;
  /** The app instance targets with their labels. */
  declare readonly targets: pulumi.Output<BindingTargetSummary[]>;
  /** The ownership mode as set; unset means `authoritative`. */
  declare readonly mode: pulumi.Output<BindingModeArg | undefined>;
  /** The last-target policy as set; unset means `retain`. */
  declare readonly lastTarget: pulumi.Output<LastTargetArg | undefined>;

  /** Declares the app instance targets of one APP_ADMIN role assignment. */
  constructor(name: string, args: AppInstanceTargetBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim(), name, bindingProps("appInstance", args, { apps: args.apps }), opts, BINDING_MODULE, "AppInstanceTargetBinding");
  }
}
