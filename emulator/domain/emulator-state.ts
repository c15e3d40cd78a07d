// The one in-memory org: users, groups, apps and principals → role assignments → targets.
import type { AppRecord, GroupRecord, PrincipalKind, PrincipalRef, RoleAssignmentRecord, UserRecord } from "./records";

/** The whole in-memory org. Route handlers read and change it; presenters render it. */
export class EmulatorState {
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly roleAssignments: RoleAssignmentRecord[] = [];
  /** Group id → ids of its member users. */
  readonly groupMembers = new Map<string, Set<string>>();
  /** User id → ids of the groups the user belongs to (the same facts, the other way round). */
  readonly userGroups = new Map<string, Set<string>>();
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

  /** Makes the user a member of the group (idempotent). */
  addMember(groupId: string, userId: string): void {
    let members = this.groupMembers.get(groupId);
    if (!members) this.groupMembers.set(groupId, (members = new Set()));
    members.add(userId);
    let groups = this.userGroups.get(userId);
    if (!groups) this.userGroups.set(userId, (groups = new Set()));
    groups.add(groupId);
  }

  /** Removes the user from the group (no-op when not a member). */
  removeMember(groupId: string, userId: string): void {
    this.groupMembers.get(groupId)?.delete(userId);
    this.userGroups.get(userId)?.delete(groupId);
  }

  /** The group's role assignments that the user holds through membership, group by group. */
  groupHeldAssignmentsOf(userId: string): RoleAssignmentRecord[] {
    const groups = this.userGroups.get(userId);
    if (!groups || groups.size === 0) return [];
    return this.roleAssignments.filter((ra) => ra.principal.kind === "group" && groups.has(ra.principal.id));
  }

  /** Deletes a group: its own roles go, and it disappears from every group-target list. */
  deleteGroup(id: string, now: number): void {
    this.groups.delete(id);
    for (const userId of this.groupMembers.get(id) ?? []) this.userGroups.get(userId)?.delete(id);
    this.groupMembers.delete(id);
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
    for (const groupId of this.userGroups.get(id) ?? []) this.groupMembers.get(groupId)?.delete(id);
    this.userGroups.delete(id);
    this.removeAssignmentsOf("user", id);
  }
}

/** True when two principal references name the same principal. */
export function samePrincipal(a: PrincipalRef, b: PrincipalRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
