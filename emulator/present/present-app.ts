// Renders an app instance as Okta's Application object (shape taken from live traffic).
import { ACCESS_POLICY_ID, DEFAULT_APP_LOGO, ENROLLMENT_POLICY_ID, ORG_ID } from "../domain/org-constants";
import type { AppRecord } from "../domain/records";
import { oktaTime } from "../domain/time";

/**
 * The Application JSON for /api/v1/apps responses. As in Okta, a client secret shows only in the
 * answer to the create call (`revealSecret`), never when the app is read later.
 */
export function presentApp(app: AppRecord, orgUrl: string, revealSecret = false): Record<string, unknown> {
  const isOidc = app.name === "oidc_client";
  return {
    id: app.id,
    orn: `orn:okta:idp:${ORG_ID}:apps:${app.name}:${app.id}`,
    name: app.name,
    label: app.label,
    status: app.status,
    lastUpdated: oktaTime(app.lastUpdated),
    created: oktaTime(app.created),
    accessibility: app.accessibility,
    visibility: app.visibility,
    features: [],
    signOnMode: app.signOnMode,
    credentials: revealSecret ? app.credentials : withoutSecret(app.credentials),
    ...(isOidc ? { universalLogout: null } : {}),
    settings: app.settings,
    _links: appLinks(app, orgUrl, isOidc),
  };
}

function appLinks(app: AppRecord, orgUrl: string, isOidc: boolean): Record<string, unknown> {
  const self = `${orgUrl}/api/v1/apps/${app.id}`;
  const linkName = isOidc ? "oidc_client_link" : "login";
  const links: Record<string, unknown> = {
    uploadLogo: { href: `${self}/logo`, hints: { allow: ["POST"] } },
    appLinks: [{ name: linkName, href: `${orgUrl}/home/${app.name}/${app.id}/${linkName}`, type: "text/html" }],
    profileEnrollment: { href: `${orgUrl}/api/v1/policies/${ENROLLMENT_POLICY_ID}` },
    policies: { href: `${self}/policies`, hints: { allow: ["PUT"] } },
    groups: { href: `${self}/groups` },
    logo: [{ name: "medium", href: DEFAULT_APP_LOGO, type: "image/png" }],
  };
  if (isOidc) links.clientCredentials = [{ name: "secrets", href: `${self}/credentials/secrets` }];
  links.accessPolicy = { href: `${orgUrl}/api/v1/policies/${ACCESS_POLICY_ID}` };
  links.users = { href: `${self}/users` };
  if (app.status === "ACTIVE") links.deactivate = { href: `${self}/lifecycle/deactivate` };
  else links.activate = { href: `${self}/lifecycle/activate` };
  return links;
}

function withoutSecret(credentials: Record<string, unknown>): Record<string, unknown> {
  const client = credentials.oauthClient;
  if (typeof client !== "object" || client === null || !("client_secret" in client)) return credentials;
  const { client_secret: _secret, ...rest } = client as Record<string, unknown>;
  return { ...credentials, oauthClient: rest };
}
