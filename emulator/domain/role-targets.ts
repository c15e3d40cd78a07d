// Target rules: kinds per role, catalog-vs-instance replacement, idempotent adds, last-target guard.
import type { EmulatorState } from "./emulator-state";
import { catalogEntry } from "./oin-catalog";
import type { AppTarget, RoleAssignmentRecord } from "./records";
import { roleTypeInfo, type TargetKind } from "./role-types";
import { notFound, roleTypeMismatch, validationFailed } from "../http/okta-error";

/** Refuses (400 E0000091) a target call of the wrong kind for the assignment's role. */
export function requireTargetKind(assignment: RoleAssignmentRecord, kind: Exclude<TargetKind, "none">): void {
  if (roleTypeInfo(assignment.type)?.targets !== kind) throw roleTypeMismatch();
}

/** Adds a group target (idempotent). The first target narrows an unscoped role. */
export function addGroupTarget(state: EmulatorState, ra: RoleAssignmentRecord, groupId: string, now: number): void {
  requireTargetKind(ra, "groups");
  if (!state.groups.has(groupId)) throw notFound(groupId, "UserGroup");
  if (ra.groupTargets.includes(groupId)) return;
  ra.groupTargets = [...ra.groupTargets, groupId];
  ra.lastUpdated = now;
}

/** Removes a group target; the last one cannot be removed (400 E0000001). */
export function removeGroupTarget(ra: RoleAssignmentRecord, groupId: string, now: number): void {
  requireTargetKind(ra, "groups");
  if (!ra.groupTargets.includes(groupId)) throw notFound(groupId, "UserGroup");
  guardLastTarget(ra.groupTargets.length);
  ra.groupTargets = ra.groupTargets.filter((id) => id !== groupId);
  ra.lastUpdated = now;
}

/** Adds an OIN catalog target; it replaces every instance target of that app. */
export function addCatalogTarget(state: EmulatorState, ra: RoleAssignmentRecord, appName: string, now: number): void {
  requireTargetKind(ra, "apps");
  if (!catalogEntry(appName)) throw notFound(appName, "CatalogApp");
  const hasCatalog = ra.appTargets.some((target) => target.kind === "catalog" && target.appName === appName);
  const instances = ra.appTargets.filter((target) => target.kind === "instance" && target.appName === appName);
  if (hasCatalog && instances.length === 0) return;
  const kept = ra.appTargets.filter((target) => !instances.includes(target));
  ra.appTargets = hasCatalog ? kept : [...kept, { kind: "catalog", appName, seq: state.nextSeq() }];
  ra.lastUpdated = now;
}

/** Removes an OIN catalog target; the last app target cannot be removed. */
export function removeCatalogTarget(ra: RoleAssignmentRecord, appName: string, now: number): void {
  requireTargetKind(ra, "apps");
  if (!ra.appTargets.some((target) => target.kind === "catalog" && target.appName === appName)) {
    throw notFound(appName, "CatalogApp");
  }
  guardLastTarget(ra.appTargets.length);
  ra.appTargets = ra.appTargets.filter((target) => target.kind !== "catalog" || target.appName !== appName);
  ra.lastUpdated = now;
}

/**
 * Adds an app-instance target; it replaces the catalog target of its app. The app must exist
 * and `appName` must be its catalog key (404 otherwise, as in Okta).
 */
export function addInstanceTarget(state: EmulatorState, ra: RoleAssignmentRecord, appName: string, appId: string, now: number): void {
  requireTargetKind(ra, "apps");
  const app = state.apps.get(appId);
  if (!app || app.name !== appName) throw notFound(appId, "AppInstance");
  const catalog = ra.appTargets.find((target) => target.kind === "catalog" && target.appName === appName);
  const present = ra.appTargets.some((target) => target.kind === "instance" && target.appId === appId);
  if (present && !catalog) return;
  const kept = ra.appTargets.filter((target) => target !== catalog);
  ra.appTargets = present ? kept : [...kept, { kind: "instance", appName, appId, seq: state.nextSeq() }];
  ra.lastUpdated = now;
}

/** Removes an app-instance target; the last app target cannot be removed. */
export function removeInstanceTarget(ra: RoleAssignmentRecord, appName: string, appId: string, now: number): void {
  requireTargetKind(ra, "apps");
  const isIt = (target: AppTarget): boolean => target.kind === "instance" && target.appId === appId && target.appName === appName;
  if (!ra.appTargets.some(isIt)) throw notFound(appId, "AppInstance");
  guardLastTarget(ra.appTargets.length);
  ra.appTargets = ra.appTargets.filter((target) => !isIt(target));
  ra.lastUpdated = now;
}

/** Users only: PUT catalog/apps with no name makes the role apply to all apps (list becomes []). */
export function targetAllApps(ra: RoleAssignmentRecord, now: number): void {
  requireTargetKind(ra, "apps");
  if (ra.appTargets.length === 0) return;
  ra.appTargets = [];
  ra.lastUpdated = now;
}

// Okta refuses to empty a target list: an empty list would silently widen the role to everything.
function guardLastTarget(count: number): void {
  if (count <= 1) {
    throw validationFailed(
      "targets",
      "targets: The last target of a role assignment cannot be removed. Unassign the role and assign it again to make it unscoped.",
    );
  }
}
