// Builds a binding's outputs from its inputs and the targets Okta reports.
import { RoleAssignment, Principal } from "../sdk/types";
import { BindingInputs, BindingOutputs, TargetSummary } from "./binding-types";
import { desiredRefs, setFieldOf } from "./binding-refs";
import { ObservedTargets } from "./read-targets";
import { observedTargetNames } from "./target-names";
import { TargetRef, actualOfKind, targetKey } from "./target-ref";

/**
 * The targets this binding manages as Okta reports them: every target of its
 * kind when authoritative, or its own declared (`owned`) ones still present when additive.
 */
export function managedRefs(inputs: BindingInputs, observed: ObservedTargets, owned: readonly TargetRef[]): TargetRef[] {
  const known = new Map(owned.map((r) => [targetKey(r), r]));
  const actual = actualOfKind(observed.actual, inputs.kind).map((r) => known.get(targetKey(r)) ?? r);
  if ((inputs.mode ?? "authoritative") === "authoritative") return actual;
  return actual.filter((r) => known.has(targetKey(r)));
}

/** Assembles every output; `update` must return them all or the engine drops the missing ones. */
export function buildOutputs(
  inputs: BindingInputs,
  principal: Principal,
  role: Pick<RoleAssignment, "id" | "type">,
  managed: readonly TargetRef[],
  summaries: ReadonlyMap<string, TargetSummary>,
): BindingOutputs {
  const set = setFieldOf(managed, inputs.kind, desiredRefs(inputs, inputs.kind));
  const ordered = "groupIds" in set ? set.groupIds : "appNames" in set ? set.appNames : set.apps.map((a) => a.appId);
  const targets = ordered.map((key) => summaries.get(key) ?? { ...(inputs.kind === "catalogApp" ? {} : { id: key }), name: key, displayName: key });
  // mode and lastTarget stay as the program set them (unset means authoritative / retain),
  // so refresh adds no noise; roleSelector remembers which of roleType / roleAssignmentId it set.
  const outs: BindingOutputs = {
    ...inputs,
    ...set,
    principalType: principal.kind,
    principalId: principal.id,
    roleAssignmentId: role.id,
    roleType: role.type,
    roleSelector: inputs.roleAssignmentId !== undefined && inputs.roleType === undefined ? "roleAssignmentId" : "roleType",
    targets,
    targetNames: observedTargetNames(managed, summaries),
  };
  // The engine's protobuf Struct refuses undefined values.
  for (const key of Object.keys(outs) as (keyof BindingOutputs)[]) if (outs[key] === undefined) delete outs[key];
  return outs;
}
