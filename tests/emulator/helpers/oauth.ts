// OAuth helpers for tests: service-app keys, client assertions, DPoP proofs, token requests.
import { createHash, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from "jose";
import type { SeedApp } from "../../../emulator";

/** A signing key pair with its public JWK. */
export interface TestKey {
  privateKey: KeyLike;
  publicJwk: JWK;
}

/** A fresh RS256 key with a kid. */
export async function newRsaKey(kid = "test-key"): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

/** A seed entry for a private_key_jwt service app. */
export function serviceAppSeed(id: string, key: TestKey, scopes: string[], dpop = false): SeedApp {
  return {
    id,
    name: "oidc_client",
    label: `svc ${id}`,
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    settings: { oauthClient: { application_type: "service", dpop_bound_access_tokens: dpop, jwks: { keys: [key.publicJwk] } } },
    grantedScopes: scopes,
  };
}

/** Claims to override in a client assertion (undefined removes a claim). */
export type AssertionOverrides = Partial<Record<"iss" | "sub" | "aud" | "exp" | "iat" | "jti", string | number | undefined>>;

/** Signs a client assertion for `clientId` aimed at `tokenUrl`, valid five minutes. */
export async function clientAssertion(key: TestKey, clientId: string, tokenUrl: string, overrides: AssertionOverrides = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + 300, jti: randomUUID(), ...overrides };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: key.publicJwk.kid }).sign(key.privateKey);
}

/** The form body of a client_credentials token request. */
export function tokenForm(assertion: string, scope: string): string {
  return new URLSearchParams({
    grant_type: "client_credentials",
    scope,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
  }).toString();
}

/** POSTs to the token endpoint; returns status, headers and JSON. */
export async function requestToken(baseUrl: string, form: string, dpopProof?: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (dpopProof) headers.dpop = dpopProof;
  const response = await fetch(`${baseUrl}/oauth2/v1/token`, { method: "POST", headers, body: form });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** Signs a DPoP proof for a method and URL; pass `accessToken` for resource requests. */
export async function dpopProof(key: TestKey, method: string, url: string, extra: { nonce?: string; accessToken?: string; iat?: number; jti?: string } = {}): Promise<string> {
  const claims: Record<string, unknown> = { htm: method, htu: url, iat: extra.iat ?? Math.floor(Date.now() / 1000), jti: extra.jti ?? randomUUID() };
  if (extra.nonce) claims.nonce = extra.nonce;
  if (extra.accessToken) claims.ath = createHash("sha256").update(extra.accessToken).digest("base64url");
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "dpop+jwt", jwk: { kty: key.publicJwk.kty, n: key.publicJwk.n, e: key.publicJwk.e } }).sign(key.privateKey);
}
