// The /__emulator/state dump: principals → role assignments → targets, in plain ids for assertions.
import type { EmulatorState } from "../domain/emulator-state";
import type { PrincipalRef } from "../domain/records";
import { oktaTime } from "../domain/time";

/** One role assignment with its targets as ids (groups ascending, apps newest first). */
export interface DumpedRoleAssignment {
  id: string;
  type: string;
  lastUpdated: string;
  groupTargets: string[];
  appTargets: ({ catalog: string } | { appName: string; appId: string })[];
}

/** The state dump: the directory in brief, and every principal that holds a role. */
export interface StateDump {
  users: { id: string; login: string; status: string }[];
  groups: { id: string; name: string }[];
  apps: { id: string; name: string; label: string; status: string }[];
  principals: (PrincipalRef & { roleAssignments: DumpedRoleAssignment[] })[];
}

/** Dumps the org for test assertions. */
export function presentState(state: EmulatorState): StateDump {
  const principals = new Map<string, PrincipalRef & { roleAssignments: DumpedRoleAssignment[] }>();
  for (const ra of state.roleAssignments) {
    const key = `${ra.principal.kind}:${ra.principal.id}`;
    const entry = principals.get(key) ?? { ...ra.principal, roleAssignments: [] };
    entry.roleAssignments.push({
      id: ra.id,
      type: ra.type,
      lastUpdated: oktaTime(ra.lastUpdated),
      groupTargets: [...ra.groupTargets].sort(),
      appTargets: [...ra.appTargets]
        .sort((a, b) => b.seq - a.seq)
        .map((target) => (target.kind === "catalog" ? { catalog: target.appName } : { appName: target.appName, appId: target.appId })),
    });
    principals.set(key, entry);
  }
  return {
    users: [...state.users.values()].map((user) => ({ id: user.id, login: user.profile.login, status: user.status })),
    groups: [...state.groups.values()].map((group) => ({ id: group.id, name: group.profile.name })),
    apps: [...state.apps.values()].map((app) => ({ id: app.id, name: app.name, label: app.label, status: app.status })),
    principals: [...principals.values()],
  };
}
