// The three ways to authenticate to Okta, as resolved configuration.

/** An SSWS API token. */
export interface ApiTokenAuth {
  /** Discriminator. */
  method: "apiToken";
  /** The token, sent as `Authorization: SSWS <token>`. */
  apiToken: string;
}

/** A pre-issued OAuth access token. */
export interface AccessTokenAuth {
  /** Discriminator. */
  method: "accessToken";
  /** The token, sent as `Authorization: Bearer <token>`. */
  accessToken: string;
}

/** An OAuth 2.0 service app using client credentials with a private_key_jwt assertion. */
export interface PrivateKeyAuth {
  /** Discriminator. */
  method: "privateKey";
  /** The service app's client id (`0oa…`). */
  clientId: string;
  /** RS256 or ES256 private key: PEM (PKCS#8 or PKCS#1), a JWK as JSON text or object, or a path to a PEM file. */
  privateKey: string | Record<string, unknown>;
  /** The key id (`kid`) registered on the app, if it has one. */
  privateKeyId?: string;
  /** Scopes to request. Default `okta.roles.read okta.roles.manage`. */
  scopes?: string[];
}

/** How the client authenticates. */
export type OktaAuthConfig = ApiTokenAuth | AccessTokenAuth | PrivateKeyAuth;

/** The scopes role-target management needs. */
export const DEFAULT_SCOPES: readonly string[] = ["okta.roles.read", "okta.roles.manage"];
