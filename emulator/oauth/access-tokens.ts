// Issues and checks the emulator's access tokens: HS256 JWTs carrying scopes and a DPoP binding.
import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

/** Lifetime of an access token, as Okta's org authorization server issues them. */
export const ACCESS_TOKEN_SECONDS = 3600;

/** What an access token grants. */
export interface AccessTokenClaims {
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** JWK thumbprint of the DPoP key the token is bound to, if any. */
  readonly jkt?: string;
}

/** Signs tokens with a per-process secret, so tokens never outlive the emulator. */
export class AccessTokens {
  private readonly secret = randomBytes(32);

  /** Issues a token valid for one hour from `now` (ms). */
  async issue(claims: AccessTokenClaims, orgUrl: string, now: number): Promise<string> {
    const issuedAt = Math.floor(now / 1000);
    return new SignJWT({ cid: claims.clientId, scp: [...claims.scopes], ...(claims.jkt ? { cnf: { jkt: claims.jkt } } : {}) })
      .setProtectedHeader({ alg: "HS256", typ: "application/okta-internal-at+jwt" })
      .setIssuer(orgUrl)
      .setAudience(orgUrl)
      .setSubject(claims.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
      .setJti(`AT.${randomBytes(16).toString("base64url")}`)
      .sign(this.secret);
  }

  /** The token's claims, or undefined when it is not ours, tampered with or expired. */
  async verify(token: string, now: number): Promise<AccessTokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { algorithms: ["HS256"], currentDate: new Date(now) });
      const scopes = Array.isArray(payload.scp) ? payload.scp.filter((s): s is string => typeof s === "string") : [];
      const cnf = payload.cnf as { jkt?: unknown } | undefined;
      const jkt = typeof cnf?.jkt === "string" ? cnf.jkt : undefined;
      return { clientId: String(payload.cid), scopes, ...(jkt ? { jkt } : {}) };
    } catch {
      return undefined;
    }
  }
}
