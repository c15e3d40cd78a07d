// Builds an EmulatorState from a parsed seed, through the same rules the API enforces.
import { createApp } from "../domain/apps";
import { EmulatorState } from "../domain/emulator-state";
import { createGroup } from "../domain/groups";
import type { RoleAssignmentRecord } from "../domain/records";
import { assignRole } from "../domain/role-assignments";
import { addCatalogTarget, addGroupTarget, addInstanceTarget } from "../domain/role-targets";
import { grantScope } from "../domain/scope-grants";
import { createUser } from "../domain/users";
import { OktaError } from "../http/okta-error";
import { resolveAppTarget, resolveGroup, resolvePrincipal, resolveUser } from "./seed-references";
import { SeedError, type EmulatorSeed, type SeedRoleAssignment } from "./seed-types";

/** A fresh org holding exactly what the (parsed) seed describes; SeedError names any bad entry. */
export function buildState(seed: EmulatorSeed, now: number): EmulatorState {
  const state = new EmulatorState();
  (seed.users ?? []).forEach(({ id, ref: _ref, status = "ACTIVE", ...body }, index) =>
    at(`users[${index}]`, () => {
      const user = createUser(state, { body, activate: status !== "STAGED", id }, now);
      user.status = status;
    }),
  );
  (seed.groups ?? []).forEach(({ id, ref: _ref, members: _members, ...body }, index) => at(`groups[${index}]`, () => createGroup(state, body, now, id)));
  seedMembers(state, seed);
  (seed.apps ?? []).forEach(({ id, ref: _ref, status = "ACTIVE", grantedScopes = [], ...body }, index) =>
    at(`apps[${index}]`, () => {
      const app = createApp(state, { body, activate: status !== "INACTIVE", id }, now);
      for (const scope of grantedScopes) grantScope(app, scope, now);
    }),
  );
  (seed.roleAssignments ?? []).forEach((entry, index) => at(`roleAssignments[${index}]`, () => seedRole(state, seed, entry, index, now)));
  return state;
}

function seedRole(state: EmulatorState, seed: EmulatorSeed, entry: SeedRoleAssignment, index: number, now: number): void {
  const where = `roleAssignments[${index}]`;
  const principal = resolvePrincipal(seed, entry.principal, `${where}.principal`);
  const ra: RoleAssignmentRecord = assignRole(state, principal, entry.type, now, entry.id);
  list(entry.groupTargets, `${where}.groupTargets`).forEach((target, i) =>
    addGroupTarget(state, ra, resolveGroup(seed, target, `${where}.groupTargets[${i}]`), now),
  );
  list(entry.appTargets, `${where}.appTargets`).forEach((target, i) => {
    const resolved = resolveAppTarget(seed, target, `${where}.appTargets[${i}]`);
    if ("catalog" in resolved) return addCatalogTarget(state, ra, resolved.catalog, now);
    const app = state.apps.get(resolved.appId);
    addInstanceTarget(state, ra, app?.name ?? "", resolved.appId, now);
  });
}

function seedMembers(state: EmulatorState, seed: EmulatorSeed): void {
  (seed.groups ?? []).forEach((group, index) => {
    list(group.members, `groups[${index}].members`).forEach((member, i) => {
      // Literal ids take the fast path: large generated orgs list thousands of members.
      const userId = state.users.has(member) ? member : resolveUser(seed, member, `groups[${index}].members[${i}]`);
      state.addMember(group.id ?? "", userId);
    });
  });
}

function list<T>(value: T[] | undefined, where: string): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(`${where}: must be an array`);
  return value;
}

// Rules raise Okta errors; in a seed they become messages that point at the entry.
function at(where: string, build: () => unknown): void {
  try {
    build();
  } catch (error) {
    if (error instanceof OktaError) {
      throw new SeedError(`${where}: ${[error.errorSummary, ...error.causes].join(" — ")}`);
    }
    throw error;
  }
}
