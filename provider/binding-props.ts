// Builds the property bag a binding hands the engine: inputs plus placeholders for outputs.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { TargetKind } from "./target-ref";

/** Pulumi type token module shared by the three bindings. */
export const BINDING_MODULE = "okta-role-targets";

/** Inputs as the engine receives them, with placeholders for the outputs the provider fills in. */
export function bindingProps(kind: TargetKind, args: BindingCommonArgs, set: Record<string, unknown>): pulumi.Inputs {
  return {
    kind,
    userId: args.userId,
    groupId: args.groupId,
    clientId: args.clientId,
    roleType: args.roleType,
    roleAssignmentId: args.roleAssignmentId,
    mode: args.mode,
    lastTarget: args.lastTarget,
    ...set,
    principalType: undefined,
    principalId: undefined,
    // The engine stores an output as a secret when the input of the same name is one. The
    // targets are read back from Okta, so they get a placeholder input that is secret
    // exactly when the declared set is; the provider ignores it and returns the real list.
    targets: pulumi.output(Object.values(set)[0] as pulumi.Input<string[]>).apply(() => []),
  };
}
