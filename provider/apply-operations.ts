// Executes planned operations with the Okta client, one write each, in plan order.
import { Principal, RoleTargetsApi } from "../sdk/types";
import { Operation } from "./plan";
import { TargetRef } from "./target-ref";

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
    else if (op.type === "remove") await remove(api, principal, roleAssignmentId, op.target);
    else await api.unassignRole(principal, roleAssignmentId);
  }
}
