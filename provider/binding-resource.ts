// The base class of the three bindings: the outputs they share and the provider they use.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs, BindingModeArg, BindingTargetSummary, LastTargetArg } from "./binding-args";
import { BINDING_MODULE, HIDDEN_DIFFS, bindingProps } from "./binding-props";
import { pausePromiseStacks, withCallerStack } from "./promise-stacks";
import { providerShim } from "./provider-shim";
import { TargetKind } from "./target-ref";

/** Outputs and wiring common to GroupTargetBinding, AppTargetBinding and AppInstanceTargetBinding. */
export abstract class BindingResource extends pulumi.dynamic.Resource {
  /** `user`, `group` or `client`. */
  declare readonly principalType: pulumi.Output<"user" | "group" | "client">;
  /** The user id, group id or client id holding the role. */
  declare readonly principalId: pulumi.Output<string>;
  /** The role assignment whose targets this binding manages. */
  declare readonly roleAssignmentId: pulumi.Output<string>;
  /** The role's type. */
  declare readonly roleType: pulumi.Output<string>;
  /** The binding's targets with the names people see (group names, app labels). */
  declare readonly targets: pulumi.Output<BindingTargetSummary[]>;
  /** Each target's key (group id, catalog key or app instance id) → the name people see. */
  declare readonly targetNames: pulumi.Output<Record<string, string>>;
  /** The ownership mode as set; unset means `authoritative`. */
  declare readonly mode: pulumi.Output<BindingModeArg | undefined>;
  /** The last-target policy as set; unset means `retain`. */
  declare readonly lastTarget: pulumi.Output<LastTargetArg | undefined>;
  /** Whether the binding owns its role assignment, as set; unset means `false`. */
  declare readonly assignRole: pulumi.Output<boolean | undefined>;
  /** With `assignRole`: `assigned` if this binding's create assigned the role, `adopted` if the principal already held it. */
  declare readonly roleOrigin: pulumi.Output<"assigned" | "adopted" | undefined>;

  /** Registers a binding of `kind` whose set field is `set`. */
  protected constructor(
    kind: TargetKind,
    typeName: string,
    name: string,
    args: BindingCommonArgs,
    set: Record<string, unknown>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const urn = pulumi.createUrn(name, `pulumi-nodejs:dynamic/${BINDING_MODULE}:${typeName}`, opts?.parent);
    const props = bindingProps(kind, args, set, urn);
    const resume = pausePromiseStacks();
    try {
      super(providerShim(), name, props, withHiddenDiffs(opts), BINDING_MODULE, typeName);
    } catch (err) {
      resume();
      throw withCallerStack(err, new.target);
    }
    resume();
  }
}

function withHiddenDiffs(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
  return { ...opts, hideDiffs: [...HIDDEN_DIFFS, ...(opts?.hideDiffs ?? [])] };
}
