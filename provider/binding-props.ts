// Builds the property bag a binding hands the engine: inputs plus placeholders for outputs.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { TargetKind } from "./target-ref";

/** Pulumi type token module shared by the three bindings. */
export const BINDING_MODULE = "okta-role-targets";

function placeholder<T>(set: Record<string, unknown>, empty: T): pulumi.Output<T> {
  return pulumi.output(Object.values(set)[0] as pulumi.Input<string[]>).apply((): T => empty);
}

/**
 * Fields whose diff a reviewer should not have to read: the declared list is
 * shown keyed and named as `targetNames` instead of by position, and `targets`
 * repeats those names. (Bookkeeping fields start with `__`, which the engine
 * never displays.)
 */
export const HIDDEN_DIFFS = ["targets", "groupIds", "appNames", "apps"];

/** Inputs as the engine receives them, with placeholders for the outputs the provider fills in. */
export function bindingProps(
  kind: TargetKind,
  args: BindingCommonArgs,
  set: Record<string, unknown>,
  urn: pulumi.Input<string>,
): pulumi.Inputs {
  return {
    __urn: urn,
    __kind: kind,
    userId: args.userId,
    groupId: args.groupId,
    clientId: args.clientId,
    roleType: args.roleType,
    roleAssignmentId: args.roleAssignmentId,
    mode: args.mode,
    lastTarget: args.lastTarget,
    assignRole: args.assignRole,
    ...set,
    principalType: undefined,
    principalId: undefined,
    roleOrigin: undefined,
    // The engine stores a value as a secret when the input of the same name is one. `check`
    // fills targets, targetNames and __declared from the declared set, so each gets a
    // placeholder input that is secret exactly when the declared set is.
    targets: placeholder(set, []),
    targetNames: placeholder(set, {}),
    __declared: placeholder(set, []),
  };
}
