// Resolves Okta settings the way @pulumi/okta users give them: explicit input, then OKTA_* env.
import type { OktaAuthConfig } from "./auth/auth-config";
import { resolveConfiguredAuth } from "./resolve-configured-auth";
import { resolveConfiguredOrgUrl } from "./resolve-configured-org-url";

/** Okta settings, named like the `okta:*` Pulumi config keys. */
export interface OktaConfigInput {
  /** First label of the org's domain (`dev-123456`); env `OKTA_ORG_NAME`. */
  orgName: string;
  /** The org's parent domain, default `okta.com`; env `OKTA_BASE_URL`. */
  baseUrl: string;
  /** Full org URL, for custom domains and the emulator; env `OKTA_ORG_URL`. Beats orgName in the same source. */
  orgUrl: string;
  /** SSWS API token; env `OKTA_API_TOKEN`. */
  apiToken: string;
  /** Pre-issued OAuth access token; env `OKTA_ACCESS_TOKEN`. */
  accessToken: string;
  /** Service app client id; env `OKTA_API_CLIENT_ID`. */
  clientId: string;
  /** Service app private key (PEM, JWK JSON/object, or PEM file path); env `OKTA_API_PRIVATE_KEY`. */
  privateKey: string | Record<string, unknown>;
  /** Key id of the private key; env `OKTA_API_PRIVATE_KEY_ID`. */
  privateKeyId: string;
  /** Scopes, comma or space separated or an array; env `OKTA_API_SCOPES`. Default `okta.roles.read okta.roles.manage`. */
  scopes: string | string[];
  /** Allow a plain-http orgUrl that is not loopback. Default false. */
  allowInsecureHttp: boolean;
}

/** The org and one auth method: pass it straight to `new OktaClient(...)`. */
export interface ResolvedOktaConfig {
  /** The org's origin, such as `https://dev-123456.okta.com`. */
  orgUrl: string;
  /** The chosen auth method. */
  auth: OktaAuthConfig;
}

/**
 * Resolves settings: each explicit input wins over its env var. Exactly one auth method
 * results — a method with an explicit setting beats env-only ones; then accessToken >
 * clientId + privateKey > apiToken. Throws `OktaConfigError` naming the key to fix; messages
 * never hold secret values.
 */
export function resolveOktaConfig(
  input: Partial<OktaConfigInput> = {},
  env: Record<string, string | undefined> = process.env,
): ResolvedOktaConfig {
  const raw = input as Record<string, unknown>;
  return {
    orgUrl: resolveConfiguredOrgUrl(raw, env, input.allowInsecureHttp === true),
    auth: resolveConfiguredAuth(raw, env),
  };
}
