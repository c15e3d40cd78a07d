// Reads a role assignment's targets with one paged list and keeps the names people recognise.
import { Principal, RoleTargetsApi } from "../sdk/types";
import { TargetSummary } from "./binding-types";
import { ActualTargets, TargetKind } from "./target-ref";

/** The targets as one list read showed them, with display names keyed by target key. */
export interface ObservedTargets {
  readonly actual: ActualTargets;
  /** Group id, catalog key or instance app id → what people call it. */
  readonly summaries: ReadonlyMap<string, TargetSummary>;
}

/**
 * Lists the role assignment's targets of the list `kind` lives in: groups for
 * group bindings, apps (catalog and instance together) for app bindings.
 */
export async function readTargets(
  api: RoleTargetsApi,
  principal: Principal,
  roleAssignmentId: string,
  kind: TargetKind,
): Promise<ObservedTargets> {
  const summaries = new Map<string, TargetSummary>();
  if (kind === "group") {
    const groups = await api.listGroupTargets(principal, roleAssignmentId);
    for (const g of groups) {
      const name = g.profile?.name ?? g.id;
      summaries.set(g.id, { id: g.id, name, displayName: name });
    }
    return { actual: { groups: groups.map((g) => g.id), catalogApps: [], appInstances: [] }, summaries };
  }
  const apps = await api.listAppTargets(principal, roleAssignmentId);
  const catalogApps: string[] = [];
  const appInstances: { appId: string }[] = [];
  for (const a of apps) {
    if (a.id) {
      appInstances.push({ appId: a.id });
      summaries.set(a.id, { id: a.id, name: a.name, displayName: a.name });
    } else {
      catalogApps.push(a.name);
      summaries.set(a.name, { name: a.name, displayName: a.displayName ?? a.name });
    }
  }
  return { actual: { groups: [], catalogApps, appInstances }, summaries };
}
