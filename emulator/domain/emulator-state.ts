// The one in-memory org: users, groups, apps and principals → role assignments → targets.
import type { AppRecord, GroupRecord, PrincipalKind, PrincipalRef, RoleAssignmentRecord, UserRecord } from "./records";

/** The whole in-memory org. Route handlers read and change it; presenters render it. */
export class EmulatorState {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly roleAssignments: RoleAssignmentRecord[] = [];
  private seq = 0;

  /** A number that grows with every call: insertion order for lists. */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The user with this id, or (as Okta allows) this login. */
  findUser(idOrLogin: string): UserRecord | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const login = idOrLogin.toLowerCase();
    return [...this.users.values()].find((user) => user.profile.login.toLowerCase() === login);
  }

  /** The app that is an OAuth client with this client_id (apps named `oidc_client`). */
  findClient(clientId: string): AppRecord | undefined {
    const app = this.apps.get(clientId);
    return app && app.name === "oidc_client" ? app : undefined;
  }

  /** True when the principal exists. */
  principalExists(principal: PrincipalRef): boolean {
    if (principal.kind === "user") return this.users.has(principal.id);
    if (principal.kind === "group") return this.groups.has(principal.id);
    return this.findClient(principal.id) !== undefined;
  }

  /** The principal's role assignments, oldest first. */
  assignmentsOf(principal: PrincipalRef): RoleAssignmentRecord[] {
    return this.roleAssignments.filter((ra) => samePrincipal(ra.principal, principal));
  }

  /** One role assignment of the principal by its id. */
  findAssignment(principal: PrincipalRef, roleAssignmentId: string): RoleAssignmentRecord | undefined {
    return this.assignmentsOf(principal).find((ra) => ra.id === roleAssignmentId);
  }

  /** Removes one role assignment (no-op when absent). */
  removeAssignment(assignment: RoleAssignmentRecord): void {
    const index = this.roleAssignments.indexOf(assignment);
    if (index >= 0) this.roleAssignments.splice(index, 1);
  }

  /** Removes a principal's role assignments, as deleting the principal does. */
  removeAssignmentsOf(kind: PrincipalKind, id: string): void {
    for (const ra of this.assignmentsOf({ kind, id })) this.removeAssignment(ra);
  }

  /** Deletes a group: its own roles go, and it disappears from every group-target list. */
  deleteGroup(id: string, now: number): void {
    this.groups.delete(id);
    this.removeAssignmentsOf("group", id);
    for (const ra of this.roleAssignments) {
      if (!ra.groupTargets.includes(id)) continue;
      ra.groupTargets = ra.groupTargets.filter((target) => target !== id);
      ra.lastUpdated = now;
    }
  }

  /** Deletes an app: its client roles go, and its instance targets disappear. */
  deleteApp(id: string, now: number): void {
    this.apps.delete(id);
    this.removeAssignmentsOf("client", id);
    for (const ra of this.roleAssignments) {
      const kept = ra.appTargets.filter((target) => target.kind !== "instance" || target.appId !== id);
      if (kept.length === ra.appTargets.length) continue;
      ra.appTargets = kept;
      ra.lastUpdated = now;
    }
  }

  /** Deletes a user and the user's roles. */
  deleteUser(id: string): void {
    this.users.delete(id);
    this.removeAssignmentsOf("user", id);
  }
}

/** True when two principal references name the same principal. */
export function samePrincipal(a: PrincipalRef, b: PrincipalRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
