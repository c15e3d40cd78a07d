// The plain records EmulatorState holds; presenters turn them into Okta-shaped JSON.

/** The three kinds of principal that can hold an admin role. */
export type PrincipalKind = "user" | "group" | "client";

/** A principal: its kind and id (a client's id is its OAuth client_id, equal to its app id). */
export interface PrincipalRef {
  readonly kind: PrincipalKind;
  readonly id: string;
}

/** Okta user statuses the emulator models. */
export type UserStatus = "STAGED" | "PROVISIONED" | "ACTIVE" | "DEPROVISIONED";

/** A user's profile: the four base attributes plus whatever else the caller sent. */
export interface UserProfile {
  login: string;
  firstName: string;
  lastName: string;
  email: string;
  [attribute: string]: unknown;
}

/** A user. Times are epoch milliseconds. */
export interface UserRecord {
  readonly id: string;
  status: UserStatus;
  readonly created: number;
  activated: number | null;
  statusChanged: number | null;
  lastUpdated: number;
  passwordChanged: number | null;
  profile: UserProfile;
  readonly seq: number;
}

/** A group (always OKTA_GROUP). */
export interface GroupRecord {
  readonly id: string;
  readonly created: number;
  lastUpdated: number;
  lastMembershipUpdated: number;
  profile: { name: string; description: string | null };
  readonly seq: number;
}

/** An OAuth scope grant on an app (what `/api/v1/apps/{id}/grants` lists); its issuer is the org. */
export interface ScopeGrant {
  readonly id: string;
  readonly scopeId: string;
  readonly created: number;
}

/** An app instance. `settings` and `credentials` keep the caller's JSON, normalised on create. */
export interface AppRecord {
  readonly id: string;
  readonly name: string;
  label: string;
  status: "ACTIVE" | "INACTIVE";
  readonly created: number;
  lastUpdated: number;
  signOnMode: string;
  accessibility: Record<string, unknown>;
  visibility: Record<string, unknown>;
  settings: Record<string, unknown>;
  credentials: Record<string, unknown>;
  grants: ScopeGrant[];
  readonly seq: number;
}

/** An app target: a whole OIN app (catalog) or one instance of it. */
export type AppTarget =
  | { readonly kind: "catalog"; readonly appName: string; readonly seq: number }
  | { readonly kind: "instance"; readonly appName: string; readonly appId: string; readonly seq: number };

/** A standard role assigned to a principal, with its targets. Empty targets mean unscoped. */
export interface RoleAssignmentRecord {
  readonly id: string;
  readonly type: string;
  readonly principal: PrincipalRef;
  readonly created: number;
  lastUpdated: number;
  groupTargets: string[];
  appTargets: AppTarget[];
}
