// OAuth scope grants on apps: which okta.* scopes a service app may request tokens for.
import { ID_PREFIX, newId } from "./ids";
import type { AppRecord, ScopeGrant } from "./records";
import { validationFailed } from "../http/okta-error";

/** The Okta management scopes the emulator understands. */
export const OKTA_SCOPES = [
  "okta.roles.read",
  "okta.roles.manage",
  "okta.users.read",
  "okta.users.manage",
  "okta.groups.read",
  "okta.groups.manage",
  "okta.apps.read",
  "okta.apps.manage",
] as const;

/** Grants `scopeId` to the app (idempotent: an existing grant is returned). */
export function grantScope(app: AppRecord, scopeId: string, now: number): ScopeGrant {
  if (!(OKTA_SCOPES as readonly string[]).includes(scopeId)) {
    throw validationFailed("scopeId", `scopeId: '${scopeId}' is not one of ${OKTA_SCOPES.join(", ")}`);
  }
  const existing = app.grants.find((grant) => grant.scopeId === scopeId);
  if (existing) return existing;
  const grant: ScopeGrant = { id: newId(ID_PREFIX.grant), scopeId, created: now };
  app.grants.push(grant);
  app.lastUpdated = now;
  return grant;
}

/** The scopes granted to an app. */
export function grantedScopes(app: AppRecord): string[] {
  return app.grants.map((grant) => grant.scopeId);
}
