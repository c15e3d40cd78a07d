// The sdk's public API: the Okta role-target client, its configuration, errors and types.
/**
 * The Okta client the bindings use: role-target and role-assignment calls, paging, rate-limit pacing,
 * retries, configuration from `okta:*` keys and `OKTA_*` variables, and errors with Okta's codes.
 *
 * @packageDocumentation
 * @module pulumi-okta-role-targets/sdk
 */
export { OktaClient, PAGE_LIMIT, type QueryParams } from "./okta-client";
export { MAX_PAGE_ITEMS, MAX_PAGES } from "./http/paginate";
export { resolveClientOptions, type OktaClientOptions } from "./okta-client-options";
export { OktaApiError, isOktaApiError, type OktaApiErrorInit, type OktaAuthMethod, type OktaErrorCause } from "./errors";
export { OktaConfigError } from "./config-error";
export { resolveOktaConfig, type OktaConfigInput, type ResolvedOktaConfig } from "./config";
export { CONFIG_KEYS } from "./config-sources";
export {
  DEFAULT_SCOPES,
  type AccessTokenAuth,
  type ApiTokenAuth,
  type OktaAuthConfig,
  type PrivateKeyAuth,
} from "./auth/auth-config";
export { apiPath, encodePathSegment } from "./api-path";
export { principalRolesPath } from "./principal-roles-path";
export { parseLinkHeader, findNextLink, type LinkValue } from "./http/parse-link-header";
export { RateLimitPacer, pacerForOrg, usableBudget, type RateLimitPacerOptions } from "./http/rate-limit-pacer";
export { readClientTuning, redactProxyUrl, TUNING_KEYS, type ClientTuning } from "./client-tuning";
export { logLevelListeners, type LogLevelListeners } from "./http/log-level-listeners";
export { createAxiosTransport } from "./http/axios-transport";
export type { HttpRequest, HttpResponse, HttpTransport } from "./http/http-transport";
export type { OktaEvent, OktaEventListener, PaceEvent, ResponseEvent, ResponseListener, RetryEvent, RetryReason, TokenEvent } from "./http/okta-event";
export type { AppDirectoryApi, AppTarget, GroupTarget, Principal, PrincipalKind, RoleAssignment, RoleTargetsApi } from "./types";
