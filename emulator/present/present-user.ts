// Renders a user as Okta's User object, with the lifecycle links its status allows.
import { USER_SCHEMA_ID, USER_TYPE_ID } from "../domain/org-constants";
import type { UserRecord } from "../domain/records";
import { oktaTime } from "../domain/time";

/** The User JSON for /api/v1/users responses. */
export function presentUser(user: UserRecord, orgUrl: string): Record<string, unknown> {
  const { firstName, lastName, login, email, mobilePhone = null, secondEmail = null, ...rest } = user.profile;
  const credentials: Record<string, unknown> = { provider: { type: "OKTA", name: "OKTA" } };
  if (user.passwordChanged !== null) Object.assign(credentials, { password: {} });
  return {
    id: user.id,
    status: user.status,
    created: oktaTime(user.created),
    activated: user.activated === null ? null : oktaTime(user.activated),
    statusChanged: user.statusChanged === null ? null : oktaTime(user.statusChanged),
    lastLogin: null,
    lastUpdated: oktaTime(user.lastUpdated),
    passwordChanged: user.passwordChanged === null ? null : oktaTime(user.passwordChanged),
    type: { id: USER_TYPE_ID },
    profile: { firstName, lastName, mobilePhone, secondEmail, login, email, ...rest },
    credentials,
    _links: userLinks(user, orgUrl),
  };
}

function userLinks(user: UserRecord, orgUrl: string): Record<string, unknown> {
  const self = `${orgUrl}/api/v1/users/${user.id}`;
  const action = (name: string): { href: string; method: string } => ({ href: `${self}/lifecycle/${name}`, method: "POST" });
  const schema = { href: `${orgUrl}/api/v1/meta/schemas/user/${USER_SCHEMA_ID}` };
  const type = { href: `${orgUrl}/api/v1/meta/types/user/${USER_TYPE_ID}` };
  if (user.status === "STAGED" || user.status === "DEPROVISIONED") {
    return { schema, activate: action("activate"), self: { href: self }, type };
  }
  // Live traffic lists the links in this order; PROVISIONED users may be reactivated, ACTIVE ones expired.
  const statusLink = user.status === "PROVISIONED" ? { reactivate: action("reactivate") } : { expirePassword: action("expire_password") };
  return {
    suspend: action("suspend"),
    schema,
    resetPassword: action("reset_password"),
    ...statusLink,
    self: { href: self },
    type,
    deactivate: action("deactivate"),
  };
}
