// The seed format: the org's users, groups, apps and role assignments, with local references.

/** A seed user. `ref` names it for references ("@ref"); `id` fixes its id (`00u` + 17). */
export interface SeedUser {
  id?: string;
  ref?: string;
  /** ACTIVE (default), PROVISIONED, STAGED or DEPROVISIONED. */
  status?: "ACTIVE" | "PROVISIONED" | "STAGED" | "DEPROVISIONED";
  profile: { login: string; firstName: string; lastName: string; email: string; [attribute: string]: unknown };
}

/** A seed group (`00g` + 17 when `id` is given). */
export interface SeedGroup {
  id?: string;
  ref?: string;
  profile: { name: string; description?: string };
  /** Member users: ids or "@ref" references. */
  members?: string[];
}

/** A seed app: `name` is an OIN catalog key; OAuth service apps are `oidc_client` with settings. */
export interface SeedApp {
  id?: string;
  ref?: string;
  name: string;
  label: string;
  status?: "ACTIVE" | "INACTIVE";
  signOnMode?: string;
  settings?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  accessibility?: Record<string, unknown>;
  visibility?: Record<string, unknown>;
  /** okta.* scopes granted to a service app (what /api/v1/apps/{id}/grants would grant). */
  grantedScopes?: string[];
}

/**
 * An app target in a seed: `{ "catalog": "salesforce" }` for a whole OIN app, `{ "app": "@ref" }`
 * (or an app id) for one instance. A bare string is shorthand: "@ref" or an app id means an
 * instance, anything else a catalog key.
 */
export type SeedAppTarget = string | { catalog: string } | { app: string };

/** A role held by a principal; exactly one of user, group, client is set (an id or "@ref"). */
export interface SeedRoleAssignment {
  /** Only for roles without fixed ids (e.g. SUPER_ADMIN): `ra1`/`gra` + 17, to keep it stable. */
  id?: string;
  principal: { user?: string; group?: string; client?: string };
  type: string;
  groupTargets?: string[];
  appTargets?: SeedAppTarget[];
}

/** A whole seed. Every list is optional; an empty object is an empty org. */
export interface EmulatorSeed {
  users?: SeedUser[];
  groups?: SeedGroup[];
  apps?: SeedApp[];
  roleAssignments?: SeedRoleAssignment[];
}

/** A seed that cannot be loaded; the message names the entry (e.g. `users[1].profile.login`). */
export class SeedError extends Error {
  override readonly name = "SeedError";
}
