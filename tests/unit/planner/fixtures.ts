// Short builders for target refs, actual states and readable operation lists used by the planner tests.
import { Operation } from "../../../provider/plan";
import {
  ActualTargets,
  AppInstanceRef,
  CatalogAppRef,
  GroupRef,
  TargetRef,
  describeTarget,
} from "../../../provider/target-ref";

export const g = (groupId: string): GroupRef => ({ kind: "group", groupId });
export const cat = (appName: string): CatalogAppRef => ({ kind: "catalogApp", appName });
export const inst = (appName: string, appId: string): AppInstanceRef => ({ kind: "appInstance", appName, appId });

/** The actual targets holding exactly `refs`, instance names included. */
export function actualOf(...refs: TargetRef[]): ActualTargets {
  return {
    groups: refs.flatMap((r) => (r.kind === "group" ? [r.groupId] : [])),
    catalogApps: refs.flatMap((r) => (r.kind === "catalogApp" ? [r.appName] : [])),
    appInstances: refs.flatMap((r) => (r.kind === "appInstance" ? [{ appId: r.appId, appName: r.appName }] : [])),
  };
}

/** The same targets as a list read returns them: instance ids without their catalog keys. */
export function unnamed(actual: ActualTargets): ActualTargets {
  return { ...actual, appInstances: actual.appInstances.map((i) => ({ appId: i.appId })) };
}

/** One line per operation, such as `add group 00gA` or `remove app instance salesforce/0oa1`. */
export function show(ops: readonly Operation[]): string[] {
  return ops.map((op) => (op.type === "unassignRole" ? "unassignRole" : `${op.type} ${describeTarget(op.target)}`));
}
