// Role-assignment rules: known standard types only, one per type per principal, fixed ids.
import { isServiceApp } from "./apps";
import type { EmulatorState } from "./emulator-state";
import { ID_PREFIX, newId } from "./ids";
import type { PrincipalRef, RoleAssignmentRecord } from "./records";
import { fixedRoleAssignmentId, knownRoleTypes, roleTypeInfo } from "./role-types";
import { notAServiceApp, roleAlreadyAssigned, validationFailed } from "../http/okta-error";

/**
 * Assigns a standard role to an existing principal, as POST .../roles does.
 * Refuses unknown types (400 E0000001), a second role of the same type (409 E0000090) and
 * clients that are not OAuth service apps (400 E0000227). `id` fixes the id of untargetable roles (seeds).
 */
export function assignRole(state: EmulatorState, principal: PrincipalRef, type: unknown, now: number, id?: string): RoleAssignmentRecord {
  if (typeof type !== "string" || type === "") throw validationFailed("type", "type: The field cannot be left blank");
  if (type === "CUSTOM") {
    throw validationFailed("type", "type: custom roles need resource sets, which the emulator does not model");
  }
  if (!roleTypeInfo(type)) {
    throw validationFailed("type", `type: '${type}' is not one of ${knownRoleTypes().join(", ")}`);
  }
  if (principal.kind === "client") {
    const app = state.findClient(principal.id);
    if (!app || !isServiceApp(app)) throw notAServiceApp();
  }
  if (state.assignmentsOf(principal).some((ra) => ra.type === type)) throw roleAlreadyAssigned();
  const assignment: RoleAssignmentRecord = {
    id: fixedRoleAssignmentId(type) ?? id ?? newId(principal.kind === "group" ? ID_PREFIX.groupRole : ID_PREFIX.userRole),
    type,
    principal,
    created: now,
    lastUpdated: now,
    groupTargets: [],
    appTargets: [],
  };
  state.roleAssignments.push(assignment);
  return assignment;
}
