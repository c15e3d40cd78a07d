// Target references: the planner's vocabulary for groups, catalog apps and app instances.

/** The three kinds of role target a binding can manage. */
export type TargetKind = "group" | "catalogApp" | "appInstance";

/** A group target, by group id. */
export interface GroupRef {
  readonly kind: "group";
  readonly groupId: string;
}

/** An OIN catalog app target, by catalog key (such as `salesforce`). */
export interface CatalogAppRef {
  readonly kind: "catalogApp";
  readonly appName: string;
}

/** An app-instance target, matched by `appId`; `appName` is the app's catalog key. */
export interface AppInstanceRef {
  readonly kind: "appInstance";
  readonly appName: string;
  readonly appId: string;
}

/** Any role target. */
export type TargetRef = GroupRef | CatalogAppRef | AppInstanceRef;

/**
 * The targets a role assignment has now, as one list read shows them. Instance
 * targets come back with their id and label only, so `appName` is known only
 * where the caller learned it elsewhere (its own inputs or state).
 */
export interface ActualTargets {
  readonly groups: readonly string[];
  readonly catalogApps: readonly string[];
  readonly appInstances: readonly { readonly appId: string; readonly appName?: string }[];
}

/** An empty set of actual targets: the role is unscoped. */
export const NO_TARGETS: ActualTargets = { groups: [], catalogApps: [], appInstances: [] };

/** The identity of a target within its kind: group id, catalog key, or instance app id. */
export function targetKey(t: TargetRef): string {
  switch (t.kind) {
    case "group":
      return t.groupId;
    case "catalogApp":
      return t.appName;
    case "appInstance":
      return t.appId;
  }
}

/** Human-readable form for messages: `group 00g…`, `catalog app salesforce`, `app instance salesforce/0oa…`. */
export function describeTarget(t: TargetRef): string {
  switch (t.kind) {
    case "group":
      return `group ${t.groupId}`;
    case "catalogApp":
      return `catalog app ${t.appName}`;
    case "appInstance":
      return `app instance ${t.appName}/${t.appId}`;
  }
}

/** The actual targets of one kind, as refs (instances with unknown names get `appName: ""`). */
export function actualOfKind(actual: ActualTargets, kind: TargetKind): TargetRef[] {
  switch (kind) {
    case "group":
      return actual.groups.map((groupId) => ({ kind, groupId }));
    case "catalogApp":
      return actual.catalogApps.map((appName) => ({ kind, appName }));
    case "appInstance":
      return actual.appInstances.map((i) => ({ kind, appId: i.appId, appName: i.appName ?? "" }));
  }
}

/** Groups and apps are separate lists in Okta; each list must never be emptied by us. */
export function listSize(actual: ActualTargets, kind: TargetKind): number {
  return kind === "group" ? actual.groups.length : actual.catalogApps.length + actual.appInstances.length;
}

/** Sorts refs by key so plans are deterministic. */
export function sortRefs<T extends TargetRef>(refs: readonly T[]): T[] {
  return [...refs].sort((a, b) => (targetKey(a) < targetKey(b) ? -1 : targetKey(a) > targetKey(b) ? 1 : 0));
}
