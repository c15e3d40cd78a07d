// Signs the private_key_jwt client assertion that proves the service app's identity.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { LoadedPrivateKey } from "./load-private-key";

/** What goes into a client assertion. */
export interface ClientAssertionOptions {
  /** The service app's client id: both `iss` and `sub`. */
  clientId: string;
  /** The token endpoint URL: `aud`. */
  audience: string;
  /** The signing key and algorithm. */
  key: LoadedPrivateKey;
  /** `kid` header, when the app has several keys. */
  keyId?: string;
  /** Current time in ms. */
  nowMs: number;
}

/** Lifetime of an assertion; Okta accepts at most one hour. */
export const CLIENT_ASSERTION_TTL_SECONDS = 300;

/** Signs a client assertion: iss = sub = clientId, aud, iat, exp (5 minutes), random jti. */
export async function createClientAssertion(options: ClientAssertionOptions): Promise<string> {
  const iat = Math.floor(options.nowMs / 1000);
  const kid = options.keyId ?? options.key.kid;
  return new SignJWT({})
    .setProtectedHeader(kid ? { alg: options.key.alg, typ: "JWT", kid } : { alg: options.key.alg, typ: "JWT" })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CLIENT_ASSERTION_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(options.key.key);
}
