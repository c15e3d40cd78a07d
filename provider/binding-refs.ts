// Converts between a binding's declared sets and the planner's target refs.
import { AppInstance, BindingInputs } from "./binding-types";
import { TargetKind, TargetRef, sortRefs, targetKey } from "./target-ref";

/** The binding's declared targets as refs. */
export function desiredRefs(inputs: BindingInputs, kind: TargetKind): TargetRef[] {
  switch (kind) {
    case "group":
      return (inputs.groupIds ?? []).map((groupId) => ({ kind, groupId }));
    case "catalogApp":
      return (inputs.appNames ?? []).map((appName) => ({ kind, appName }));
    case "appInstance":
      return (inputs.apps ?? []).map((a) => ({ kind, appName: a.appName, appId: a.appId }));
  }
}

/**
 * Writes refs back into the binding's set field: declared targets in the order
 * the program lists them (so diffs show only real changes), then any others sorted.
 */
export function setFieldOf(
  refs: readonly TargetRef[],
  kind: TargetKind,
  declaredOrder: readonly TargetRef[] = [],
): { groupIds: string[] } | { appNames: string[] } | { apps: AppInstance[] } {
  const rank = new Map(declaredOrder.map((r, i) => [targetKey(r), i]));
  const declared = refs.filter((r) => rank.has(targetKey(r))).sort((a, b) => rank.get(targetKey(a))! - rank.get(targetKey(b))!);
  const sorted = [...declared, ...sortRefs(refs.filter((r) => !rank.has(targetKey(r))))];
  switch (kind) {
    case "group":
      return { groupIds: sorted.flatMap((r) => (r.kind === "group" ? [r.groupId] : [])) };
    case "catalogApp":
      return { appNames: sorted.flatMap((r) => (r.kind === "catalogApp" ? [r.appName] : [])) };
    case "appInstance":
      return {
        apps: sorted.flatMap((r) => (r.kind === "appInstance" ? [{ appName: r.appName, appId: r.appId }] : [])),
      };
  }
}
