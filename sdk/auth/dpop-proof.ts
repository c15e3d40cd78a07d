// Makes DPoP proofs (RFC 9449) with an ES256 key generated for one client.
import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { exportJWK, SignJWT, type JWK } from "jose";

/** What one proof binds. */
export interface DpopProofOptions {
  /** HTTP method (`htm`). */
  method: string;
  /** Request URL; query and fragment are dropped for `htu`. */
  url: string;
  /** Current time in ms (`iat`). */
  nowMs: number;
  /** Server-supplied nonce, once one is known. */
  nonce?: string;
  /** The access token, for `ath` on resource requests. */
  accessToken?: string;
}

/** Holds a per-client ES256 key pair and signs DPoP proofs with it. */
export class DpopSigner {
  readonly #privateKey: KeyObject;
  readonly #publicJwk: Promise<JWK>;

  /** Generates a fresh P-256 key pair. */
  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.#privateKey = privateKey;
    this.#publicJwk = exportJWK(publicKey);
  }

  /** Signs one proof: header `typ: dpop+jwt` with the public JWK; claims htm, htu, iat, jti, nonce?, ath?. */
  async proof(options: DpopProofOptions): Promise<string> {
    const url = new URL(options.url);
    const claims: Record<string, string> = { htm: options.method, htu: `${url.origin}${url.pathname}` };
    if (options.nonce) claims.nonce = options.nonce;
    if (options.accessToken) claims.ath = accessTokenHash(options.accessToken);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", typ: "dpop+jwt", jwk: await this.#publicJwk })
      .setIssuedAt(Math.floor(options.nowMs / 1000))
      .setJti(randomUUID())
      .sign(this.#privateKey);
  }
}

/** `ath`: the base64url SHA-256 of the access token. */
export function accessTokenHash(accessToken: string): string {
  return createHash("sha256").update(accessToken, "ascii").digest("base64url");
}
