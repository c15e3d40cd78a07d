// Executes planned operations with the Okta client, one write each, in plan order.
import { OktaApiError } from "../sdk/errors";
import { Principal, RoleTargetsApi } from "../sdk/types";
import { Operation } from "./plan";
import { readTargets } from "./read-targets";
import { TargetRef, actualOfKind, targetKey } from "./target-ref";

async function add(api: RoleTargetsApi, p: Principal, ra: string, t: TargetRef): Promise<void> {
  switch (t.kind) {
    case "group":
      return api.assignGroupTarget(p, ra, t.groupId);
    case "catalogApp":
      return api.assignCatalogAppTarget(p, ra, t.appName);
    case "appInstance":
      return api.assignAppInstanceTarget(p, ra, t.appName, t.appId);
  }
}

async function remove(api: RoleTargetsApi, p: Principal, ra: string, t: TargetRef): Promise<void> {
  switch (t.kind) {
    case "group":
      return api.removeGroupTarget(p, ra, t.groupId);
    case "catalogApp":
      return api.removeCatalogAppTarget(p, ra, t.appName);
    case "appInstance":
      return api.removeAppInstanceTarget(p, ra, t.appName, t.appId);
  }
}

/**
 * A removal answered 404 is done if the target is no longer listed: an attempt that timed
 * out may have taken effect before its retry, or another writer removed it. If the role
 * assignment itself is gone, the read's own 404 propagates.
 */
async function removeIfPresent(api: RoleTargetsApi, p: Principal, ra: string, t: TargetRef): Promise<void> {
  try {
    await remove(api, p, ra, t);
  } catch (err) {
    if (!(err instanceof OktaApiError && err.status === 404)) throw err;
    const observed = await readTargets(api, p, ra, t.kind);
    if (actualOfKind(observed.actual, t.kind).some((r) => targetKey(r) === targetKey(t))) throw err;
  }
}

/**
 * Applies operations in order. Order matters: the planner puts adds before
 * removes so the role never passes through zero targets.
 */
export async function applyOperations(
  api: RoleTargetsApi,
  principal: Principal,
  roleAssignmentId: string,
  operations: readonly Operation[],
): Promise<void> {
  for (const op of operations) {
    if (op.type === "add") await add(api, principal, roleAssignmentId, op.target);
    else if (op.type === "remove") await removeIfPresent(api, principal, roleAssignmentId, op.target);
    else await api.unassignRole(principal, roleAssignmentId);
  }
}
