// Turns a failed call into a message that says what happened and what to do next.
import type { OktaApiErrorInit, OktaAuthMethod } from "./okta-api-error-init";

const CREDENTIAL_KEYS: Record<OktaAuthMethod, string> = {
  apiToken: "okta:apiToken / OKTA_API_TOKEN (an API token of an admin who may manage roles)",
  accessToken: "okta:accessToken / OKTA_ACCESS_TOKEN (access tokens expire, usually after one hour)",
  privateKey:
    "okta:clientId / OKTA_API_CLIENT_ID, okta:privateKey / OKTA_API_PRIVATE_KEY and okta:privateKeyId / OKTA_API_PRIVATE_KEY_ID",
};

const ORG_KEYS = "okta:orgName + okta:baseUrl (OKTA_ORG_NAME / OKTA_BASE_URL) or okta:orgUrl (OKTA_ORG_URL)";
const SCOPES = "okta.roles.read (to read) and okta.roles.manage (to change)";

/** Builds the message of an {@link OktaApiError}: what happened, then what to do. */
export function describeOktaError(init: OktaApiErrorInit): string {
  const where = `${init.method} ${init.path}`;
  const detail = describeDetail(init);
  const retried = init.retries ? ` after ${init.retries} ${init.retries === 1 ? "retry" : "retries"}` : "";
  const tail = init.requestId ? ` (X-Okta-Request-Id ${init.requestId})` : "";
  return `${headline(init)}${detail} on ${where}${retried}${tail}. ${advice(init)}`;
}

function describeDetail(init: OktaApiErrorInit): string {
  const parts = [init.errorCode, init.errorSummary].filter((p): p is string => !!p);
  const causes = (init.errorCauses ?? [])
    .map((c) => c.errorSummary)
    .filter((s): s is string => typeof s === "string" && s.length > 0);
  const text = parts.join(" ") + (causes.length ? `: ${causes.join("; ")}` : "");
  return text ? ` (${text})` : "";
}

function headline(init: OktaApiErrorInit): string {
  const s = init.status;
  if (init.errorCode === "UNEXPECTED_RESPONSE") return `Okta sent an unexpected response (HTTP ${s})`;
  if (s === 0) return init.errorCode === "OFF_ORIGIN_LINK" ? "Refused to follow a link off the Okta org" : "Could not reach Okta";
  if (s === 400) return "Okta refused the request as invalid";
  if (s === 401) return "Okta rejected the credentials";
  if (s === 403) return "Okta denied permission";
  if (s === 404) return "Okta could not find the object";
  if (s === 409) return "Okta reported a conflict";
  if (s === 429) return "Okta kept rate-limiting the request";
  if (s >= 500) return `Okta had a server error (HTTP ${s})`;
  return `Okta answered HTTP ${s}`;
}

function credentialHint(method: OktaAuthMethod | undefined): string {
  if (method) return CREDENTIAL_KEYS[method];
  return Object.values(CREDENTIAL_KEYS).join("; or ");
}

/** Reading apps needs okta.apps.read; everything else here is a role endpoint. */
function scopesFor(path: string): string {
  return path.startsWith("/api/v1/apps") ? "okta.apps.read (to read apps)" : SCOPES;
}

function isTokenEndpoint(path: string): boolean {
  return path.endsWith("/oauth2/v1/token");
}

function advice(init: OktaApiErrorInit): string {
  if (init.errorCode === "UNEXPECTED_RESPONSE") {
    return `Check that ${ORG_KEYS} points at an Okta org and not at a proxy or sign-in page.`;
  }
  if (isTokenEndpoint(init.path) && init.status >= 400 && init.status < 500 && init.status !== 429) {
    return tokenAdvice(init.errorCode);
  }
  switch (init.status) {
    case 0:
      return networkAdvice(init);
    case 400:
      return badRequestAdvice(init);
    case 401:
      return `Check ${credentialHint(init.authMethod)}; the credential may be expired, revoked, or from another org than ${init.orgUrl ?? "the configured one"}.`;
    case 403:
      return init.errorCode === "E0000005"
        ? `The request carried no valid credentials. Check ${credentialHint(init.authMethod)}.`
        : `The credentials need the scopes ${scopesFor(init.path)} granted to the app (and requested in okta:scopes / OKTA_API_SCOPES), and an admin role that may manage role assignments and targets (usually Super Administrator).`;
    case 404:
      return "Check that the user, group, service app client id, role assignment, group target or app exists in this org; it may have been deleted outside this tool.";
    case 409:
      return conflictAdvice(init.errorCode);
    case 429:
      return "Wait a minute and run again, lower the parallelism, or ask Okta for more rate-limit capacity for this org.";
    default:
      return init.status >= 500
        ? "Run again later; if it persists, check https://status.okta.com and quote the request id to Okta support."
        : "See Okta's errorCode documentation for what this means.";
  }
}

function networkAdvice(init: OktaApiErrorInit): string {
  if (init.errorCode === "OFF_ORIGIN_LINK") {
    return `The credentials are only ever sent to ${init.orgUrl ?? "the configured org"}. Check ${ORG_KEYS} and any proxy that rewrites Link headers.`;
  }
  if (init.errorCode === "ETIMEDOUT" || init.errorCode === "ECONNABORTED") {
    return `Check ${ORG_KEYS} and network access to ${init.orgUrl ?? "Okta"}, or raise okta:requestTimeout (seconds; requestTimeoutMs when calling the sdk).`;
  }
  return `Check ${ORG_KEYS} (${init.orgUrl ?? "no org URL known"}), DNS, proxies and network access.`;
}

function badRequestAdvice(init: OktaApiErrorInit): string {
  if (init.errorCode === "E0000091") {
    return "The role does not take this kind of target: group targets need USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN; app targets need APP_ADMIN.";
  }
  if (init.errorCode === "E0000093") return "The role assignment has too many targets; use fewer.";
  if (init.errorCode === "E0000227") return "Only OAuth service apps (application type `service`) can hold admin roles.";
  if (init.method === "DELETE" && init.path.includes("/targets/")) {
    return "Okta will not remove the last target of a role assignment; add the new target first, then remove the old one.";
  }
  return "Check the ids, role type and target names in the request.";
}

function conflictAdvice(code: string | undefined): string {
  if (code === "E0000090") return "The principal already holds this role; look it up by listing its role assignments instead of assigning it again.";
  if (code === "E0000268") return "Another request kept changing this principal's role assignments; run again with less parallelism.";
  return "Run again once the conflicting change has finished.";
}

function tokenAdvice(code: string | undefined): string {
  const keys = CREDENTIAL_KEYS.privateKey;
  switch (code) {
    case "invalid_client":
      return `Check ${keys}: the app must use public key / private key client authentication, hold the matching public key, and its key id must match.`;
    case "invalid_scope":
      return `Grant the scopes ${SCOPES} to the service app (Okta API Scopes tab), or set okta:scopes / OKTA_API_SCOPES to scopes it has.`;
    case "unauthorized_client":
      return "Allow the Client Credentials grant on the service app.";
    case "invalid_dpop_proof":
    case "use_dpop_nonce":
      return "The app requires DPoP-bound tokens and the proof was refused; check the machine clock, then run again.";
    default:
      return `Check ${keys} and the service app's settings.`;
  }
}
