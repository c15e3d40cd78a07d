// Package entry point: the three target bindings and their argument types.
/**
 * Pulumi resources for Okta admin role targets: {@link GroupTargetBinding}, {@link AppTargetBinding}
 * and {@link AppInstanceTargetBinding}, for users, groups and OAuth service apps.
 *
 * @packageDocumentation
 * @module pulumi-okta-role-targets
 */
export { GroupTargetBinding, GroupTargetBindingArgs } from "./provider/group-target-binding";
export { AppTargetBinding, AppTargetBindingArgs } from "./provider/app-target-binding";
export { AppInstanceTargetBinding, AppInstanceTargetBindingArgs, AppInstanceArgs } from "./provider/app-instance-target-binding";
export { BindingCommonArgs, BindingModeArg, LastTargetArg, BindingTargetSummary, type CheckedRoleType, type RoleTypeInput, type StandardRoleType } from "./provider/binding-args";
export { OktaApiError } from "./sdk/errors";
export { BindingResource } from "./provider/binding-resource";
export type { TargetKind } from "./provider/target-ref";
