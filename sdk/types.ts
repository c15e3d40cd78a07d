// Okta object shapes the role-target client reads and writes, and the client's surface.

/** The three kinds of principal that can hold an Okta admin role. */
export type PrincipalKind = "user" | "group" | "client";

/** A role holder: a user id (`00u…`), a group id (`00g…`) or an OAuth service app's client id. */
export interface Principal {
  /** Which kind of principal this is; it selects the API base path. */
  readonly kind: PrincipalKind;
  /** The user id, group id or OAuth client id. */
  readonly id: string;
}

/** A role assignment as Okta returns it (standard roles). */
export interface RoleAssignment {
  /** Role assignment id; for targetable roles the base32 of the role type. */
  id: string;
  /** Role type, such as `APP_ADMIN`. */
  type: string;
  /** Human-readable role name. */
  label?: string;
  /** `ACTIVE` or `INACTIVE`. */
  status?: string;
  /** `USER`, `GROUP` or `CLIENT`. */
  assignmentType?: string;
  /** ISO timestamp of creation. */
  created?: string;
  /** ISO timestamp of the last change, including target changes. */
  lastUpdated?: string;
  /** HAL links. */
  _links?: Record<string, unknown>;
}

/** A group target: an Okta `Group`. */
export interface GroupTarget {
  /** Group id (`00g…`). */
  id: string;
  /** Group profile; `name` is what people recognise. */
  profile: { name: string; description?: string | null };
  /** `OKTA_GROUP`, `APP_GROUP` or `BUILT_IN`. */
  type?: string;
  [key: string]: unknown;
}

/**
 * An app target. A catalog (OIN) target has no `id` and `name` is the catalog key;
 * an app-instance target has the instance `id` and `name` is the instance's label.
 */
export interface AppTarget {
  /** Catalog key for a catalog target; the app's label for an instance target. */
  name: string;
  /** Present only on app-instance targets. */
  id?: string;
  /** Catalog display name (catalog targets only). */
  displayName?: string;
  /** Catalog category (catalog targets only). */
  category?: string;
  /** `ACTIVE` or `INACTIVE`. */
  status?: string;
  [key: string]: unknown;
}

/**
 * The role-target operations the provider needs. {@link OktaClient} implements it;
 * tests may supply their own.
 */
export interface RoleTargetsApi {
  /** Lists every role assignment the principal holds (standard roles). */
  listRoleAssignments(principal: Principal): Promise<RoleAssignment[]>;
  /** Reads one role assignment; rejects with a 404 `OktaApiError` if it is gone. */
  getRoleAssignment(principal: Principal, roleAssignmentId: string): Promise<RoleAssignment>;
  /** Finds the principal's assignment of `roleType`, or `undefined` if it holds none. */
  findRoleAssignment(principal: Principal, roleType: string): Promise<RoleAssignment | undefined>;
  /** Assigns a standard role to the principal. */
  assignRole(principal: Principal, roleType: string): Promise<RoleAssignment>;
  /** Removes a role assignment from the principal. */
  unassignRole(principal: Principal, roleAssignmentId: string): Promise<void>;

  /** Lists all group targets of a role assignment (`[]` means unscoped). */
  listGroupTargets(principal: Principal, roleAssignmentId: string): Promise<GroupTarget[]>;
  /** Adds a group target (idempotent). */
  assignGroupTarget(principal: Principal, roleAssignmentId: string, groupId: string): Promise<void>;
  /** Removes a group target; Okta refuses to remove the last one with 400. */
  removeGroupTarget(principal: Principal, roleAssignmentId: string, groupId: string): Promise<void>;

  /** Lists all app targets, catalog and instance alike (`[]` means unscoped). */
  listAppTargets(principal: Principal, roleAssignmentId: string): Promise<AppTarget[]>;
  /** Adds an OIN catalog app target; replaces that app's instance targets. */
  assignCatalogAppTarget(principal: Principal, roleAssignmentId: string, appName: string): Promise<void>;
  /** Removes an OIN catalog app target. */
  removeCatalogAppTarget(principal: Principal, roleAssignmentId: string, appName: string): Promise<void>;
  /** Adds an app-instance target; replaces the catalog target of its app. */
  assignAppInstanceTarget(principal: Principal, roleAssignmentId: string, appName: string, appId: string): Promise<void>;
  /** Removes an app-instance target. */
  removeAppInstanceTarget(principal: Principal, roleAssignmentId: string, appName: string, appId: string): Promise<void>;
}

/** The directory lookups the provider needs: an app instance's catalog key, a group's name. */
export interface AppDirectoryApi {
  /** Reads an app instance; `name` is its OIN catalog key, `label` what people call it. */
  getApp(appId: string): Promise<{ id: string; name: string; label?: string }>;
  /** Reads a group; `profile.name` is what people call it. */
  getGroup(groupId: string): Promise<GroupTarget>;
  /** The groups among `groupIds` that exist, in one search; unknown ids are absent. */
  listGroupsById(groupIds: readonly string[]): Promise<GroupTarget[]>;
}
