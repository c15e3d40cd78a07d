// Verifies DPoP proof JWTs (RFC 9449): signature by the embedded key, htm, htu, iat, jti and ath.
import { createHash } from "node:crypto";
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWK } from "jose";
import type { ReplayGuard } from "./replay-guard";

/** Signature algorithms accepted for proofs and client assertions. */
export const ASYMMETRIC_ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

/** How far a proof's `iat` may be from the emulator clock. */
const IAT_WINDOW_SECONDS = 300;

/** What a proof must match. */
export interface DpopExpectation {
  readonly method: string;
  /** The request URL without query or fragment. */
  readonly url: string;
  readonly now: number;
  /** For resource requests: the access token, whose hash must be in `ath`. */
  readonly accessToken?: string;
}

/** A verified proof: the thumbprint of its key and the nonce it carried. */
export interface VerifiedDpopProof {
  readonly jkt: string;
  readonly nonce: unknown;
}

/** A proof that fails a check; the message says which. */
export class DpopProofError extends Error {
  override readonly name = "DpopProofError";
}

/** Checks a DPoP proof; throws DpopProofError with the reason when it does not hold. */
export async function verifyDpopProof(proof: string, expect: DpopExpectation, jtis: ReplayGuard): Promise<VerifiedDpopProof> {
  const header = readHeader(proof);
  const jwk = header.jwk as JWK | undefined;
  if (header.typ !== "dpop+jwt") throw new DpopProofError("The DPoP proof 'typ' header must be 'dpop+jwt'.");
  if (!jwk || "d" in jwk) throw new DpopProofError("The DPoP proof must carry a public 'jwk' header.");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", algorithms: ASYMMETRIC_ALGS, currentDate: new Date(expect.now) }));
  } catch {
    throw new DpopProofError("The DPoP proof signature is invalid.");
  }
  if (payload.htm !== expect.method) throw new DpopProofError("The DPoP proof 'htm' claim does not match the request method.");
  if (typeof payload.htu !== "string" || stripQuery(payload.htu) !== stripQuery(expect.url)) {
    throw new DpopProofError("The DPoP proof 'htu' claim does not match the request URL.");
  }
  const nowSeconds = expect.now / 1000;
  if (typeof payload.iat !== "number" || Math.abs(payload.iat - nowSeconds) > IAT_WINDOW_SECONDS) {
    throw new DpopProofError("The DPoP proof 'iat' claim is too far from the current time.");
  }
  if (typeof payload.jti !== "string" || !jtis.use(`dpop:${payload.jti}`, expect.now + 2 * IAT_WINDOW_SECONDS * 1000, expect.now)) {
    throw new DpopProofError("The DPoP proof 'jti' claim is missing or was already used.");
  }
  if (expect.accessToken !== undefined && payload.ath !== sha256(expect.accessToken)) {
    throw new DpopProofError("The DPoP proof 'ath' claim does not match the access token.");
  }
  return { jkt: await calculateJwkThumbprint(jwk), nonce: payload.nonce };
}

function readHeader(proof: string): ReturnType<typeof decodeProtectedHeader> {
  try {
    return decodeProtectedHeader(proof);
  } catch {
    throw new DpopProofError("The DPoP proof is not a JWT.");
  }
}

function stripQuery(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
