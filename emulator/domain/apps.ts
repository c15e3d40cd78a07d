// App rules: creation from an OIN catalog key with Okta's defaults, lifecycle, and OAuth-client facts.
import { randomBytes } from "node:crypto";
import type { EmulatorState } from "./emulator-state";
import { ID_PREFIX, newId } from "./ids";
import { bodyObject, isObject, optionalObject, requiredString, type JsonObject } from "./json-input";
import { catalogEntry } from "./oin-catalog";
import type { AppRecord } from "./records";
import { deleteActiveAppForbidden, validationFailed } from "../http/okta-error";

/** Input for createApp: the POST /api/v1/apps body, `?activate=`, and an optional fixed id. */
export interface NewApp {
  readonly body: unknown;
  readonly activate: boolean;
  readonly id?: string;
}

/** Creates an app instance of an OIN catalog app; an `oidc_client` app's client_id is its id. */
export function createApp(state: EmulatorState, input: NewApp, now: number): AppRecord {
  const body = bodyObject(input.body);
  const name = requiredString(body, "name");
  const entry = catalogEntry(name);
  if (!entry) throw validationFailed("name", `name: '${name}' is not an app in the OIN catalog`);
  const id = input.id ?? newId(ID_PREFIX.app);
  const signOnMode = typeof body.signOnMode === "string" ? body.signOnMode : (entry.signOnModes[0] ?? "BOOKMARK");
  const app: AppRecord = {
    id,
    name,
    label: requiredString(body, "label"),
    status: input.activate ? "ACTIVE" : "INACTIVE",
    created: now,
    lastUpdated: now,
    signOnMode,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null, ...optionalObject(body, "accessibility") },
    visibility: visibilityOf(name, optionalObject(body, "visibility")),
    settings: settingsOf(name, optionalObject(body, "settings")),
    credentials:
      name === "oidc_client"
        ? oauthCredentials(id, optionalObject(body, "credentials"))
        : plainCredentials(signOnMode, optionalObject(body, "credentials")),
    grants: [],
    seq: state.nextSeq(),
  };
  state.apps.set(id, app);
  return app;
}

/** Sets an app ACTIVE or INACTIVE (the lifecycle endpoints). */
export function setAppStatus(app: AppRecord, status: AppRecord["status"], now: number): void {
  if (app.status === status) return;
  app.status = status;
  app.lastUpdated = now;
}

/** Deletes an app; as in Okta an ACTIVE app must be deactivated first (403 E0000056). */
export function deleteApp(state: EmulatorState, app: AppRecord, now: number): void {
  if (app.status === "ACTIVE") throw deleteActiveAppForbidden();
  state.deleteApp(app.id, now);
}

/** The app's `settings.oauthClient`, or an empty object for non-OAuth apps. */
export function oauthSettings(app: AppRecord): JsonObject {
  const value = app.settings.oauthClient;
  return isObject(value) ? value : {};
}

/** True when the app is an OAuth service app (the only kind that may hold admin roles). */
export function isServiceApp(app: AppRecord): boolean {
  return app.name === "oidc_client" && oauthSettings(app).application_type === "service";
}

function visibilityOf(name: string, given: JsonObject): JsonObject {
  const hide = { iOS: false, web: false, ...optionalObject(given, "hide") };
  const appLinks = name === "oidc_client" ? { oidc_client_link: true } : { login: true };
  return { autoLaunch: false, autoSubmitToolbar: false, ...given, hide, appLinks };
}

function settingsOf(name: string, given: JsonObject): JsonObject {
  const base: JsonObject = {
    app: appSettingsOf(name, optionalObject(given, "app")),
    notifications: { vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null } },
    manualProvisioning: false,
    implicitAssignment: false,
  };
  if (name === "oidc_client") base.emOptInStatus = "NONE";
  base.notes = { admin: null, enduser: null, ...optionalObject(given, "notes") };
  if (name === "oidc_client") base.oauthClient = oauthClientSettings(optionalObject(given, "oauthClient"));
  return base;
}

function appSettingsOf(name: string, given: JsonObject): JsonObject {
  // A bookmark is nothing but its URL; Okta refuses one without it.
  if (name === "bookmark") requiredString(given, "url");
  if (name !== "template_swa") return { ...given };
  const { usernameField = null, buttonField = null, passwordField = null, url = null } = given;
  return { loginUrlRegex: null, usernameField, redirectUrl: null, buttonField, checkbox: null, passwordField, url, ...given };
}

function oauthClientSettings(given: JsonObject): JsonObject {
  return {
    client_uri: null,
    logo_uri: null,
    redirect_uris: [],
    response_types: ["token"],
    grant_types: ["client_credentials"],
    ...given,
    application_type: typeof given.application_type === "string" ? given.application_type : "service",
    consent_method: given.consent_method ?? "TRUSTED",
    issuer_mode: given.issuer_mode ?? "ORG_URL",
    idp_initiated_login: given.idp_initiated_login ?? { mode: "DISABLED", default_scope: [] },
    wildcard_redirect: given.wildcard_redirect ?? "DISABLED",
    dpop_bound_access_tokens: given.dpop_bound_access_tokens === true,
    participate_slo: false,
  };
}

function oauthCredentials(id: string, given: JsonObject): JsonObject {
  const client = optionalObject(given, "oauthClient");
  const method = typeof client.token_endpoint_auth_method === "string" ? client.token_endpoint_auth_method : "client_secret_basic";
  const oauthClient: JsonObject = { autoKeyRotation: client.autoKeyRotation ?? true, client_id: id };
  // Only secret-based methods get a secret, as in Okta.
  if (method.startsWith("client_secret")) oauthClient.client_secret = randomBytes(48).toString("base64url");
  Object.assign(oauthClient, { token_endpoint_auth_method: method, pkce_required: client.pkce_required ?? false });
  return {
    userNameTemplate: given.userNameTemplate ?? { template: "${source.login}", type: "BUILT_IN" },
    signing: { kid: randomBytes(32).toString("base64url") },
    oauthClient,
  };
}

function plainCredentials(signOnMode: string, given: JsonObject): JsonObject {
  const userNameTemplate = given.userNameTemplate ?? { template: "${source.login}", type: "BUILT_IN" };
  if (signOnMode !== "BROWSER_PLUGIN") return { userNameTemplate, signing: {} };
  return { scheme: "EDIT_USERNAME_AND_PASSWORD", userNameTemplate, revealPassword: false, signing: {} };
}
