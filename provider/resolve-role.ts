// Finds the role assignment a binding targets and checks it takes the binding's kind of target.
import { OktaApiError } from "../sdk/errors";
import { Principal, RoleAssignment, RoleTargetsApi } from "../sdk/types";
import { describePrincipal } from "./principal-of";
import { ROLE_ASSIGNING_RESOURCE, rolesFor } from "./role-rules";
import { TargetKind } from "./target-ref";

function isNotFound(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 404;
}

/**
 * Resolves `roleType` by listing the principal's role assignments (one call),
 * or reads `roleAssignmentId` directly. The errors say which resource usually
 * assigns the role, since the role must exist before its targets can.
 */
export async function resolveRole(
  api: RoleTargetsApi,
  principal: Principal,
  selector: { roleType?: string; roleAssignmentId?: string },
  kind: TargetKind,
): Promise<RoleAssignment> {
  const who = describePrincipal(principal);
  const assigner = ROLE_ASSIGNING_RESOURCE[principal.kind];
  let role: RoleAssignment | undefined;
  if (selector.roleAssignmentId) {
    try {
      role = await api.getRoleAssignment(principal, selector.roleAssignmentId);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      throw new Error(
        `${who} has no role assignment ${selector.roleAssignmentId} (or the ${principal.kind} does not exist). ` +
          `Assign the role first (usually with ${assigner}) and pass its id, or use roleType instead.`,
      );
    }
  } else if (selector.roleType) {
    role = await api.findRoleAssignment(principal, selector.roleType);
    if (!role) {
      throw new Error(
        `${who} does not hold the ${selector.roleType} role, so it has no targets to manage. ` +
          `Assign the role first (usually with ${assigner}) and make this binding depend on that resource (dependsOn), ` +
          `or set assignRole: true so the binding assigns it (if another binding owns the role, depend on that binding).`,
      );
    }
  } else {
    throw new Error("set exactly one of roleType or roleAssignmentId");
  }
  const allowed = rolesFor(kind);
  if (!allowed.includes(role.type)) {
    throw new Error(
      `role assignment ${role.id} of ${who} is ${role.type}, which does not take ${kind === "group" ? "group" : "app"} targets; ` +
        `use a role of type ${allowed.join(" or ")}.`,
    );
  }
  return role;
}
