// AppTargetBinding: the OIN catalog apps an APP_ADMIN may manage (every instance of each).
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs, BindingModeArg, BindingTargetSummary, LastTargetArg } from "./binding-args";
import { BINDING_MODULE, bindingProps } from "./binding-props";
import { providerShim } from "./provider-shim";

/** Arguments of {@link AppTargetBinding}. */
export interface AppTargetBindingArgs extends BindingCommonArgs {
  /** OIN catalog keys, such as `salesforce` or `slack`: at least one, each once. */
  appNames: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Scopes an APP_ADMIN role of a user, group or OAuth client to whole OIN
 * catalog apps. In Okta a catalog target replaces instance targets of the same
 * app; this binding refuses, rather than silently dropping someone else's.
 */
export class AppTargetBinding extends pulumi.dynamic.Resource {
  /** `user`, `group` or `client`. */
  declare readonly principalType: pulumi.Output<"user" | "group" | "client">;
  /** The user id, group id or client id holding the role. */
  declare readonly principalId: pulumi.Output<string>;
  /** The role assignment whose targets this binding manages. */
  declare readonly roleAssignmentId: pulumi.Output<string>;
  /** The role's type (APP_ADMIN). */
  declare readonly roleType: pulumi.Output<string>;
  /** The catalog app targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly appNames: pulumi.Output<string[]>;
  /** The catalog app targets with their display names. */
  declare readonly targets: pulumi.Output<BindingTargetSummary[]>;
  /** The ownership mode as set; unset means `authoritative`. */
  declare readonly mode: pulumi.Output<BindingModeArg | undefined>;
  /** The last-target policy as set; unset means `retain`. */
  declare readonly lastTarget: pulumi.Output<LastTargetArg | undefined>;

  /** Declares the catalog app targets of one APP_ADMIN role assignment. */
  constructor(name: string, args: AppTargetBindingArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim(), name, bindingProps("catalogApp", args, { appNames: args.appNames }), opts, BINDING_MODULE, "AppTargetBinding");
  }
}
