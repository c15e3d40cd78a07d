// Server-issued DPoP nonces (RFC 9449 §8): the token endpoint hands one out and expects it back.
import { randomBytes } from "node:crypto";

/** How long a nonce stays acceptable. */
const NONCE_TTL_MS = 5 * 60 * 1000;

/** Issues nonces and checks that a proof carries a live one. */
export class DpopNonces {
  private readonly issued = new Map<string, number>();

  /** A fresh nonce, valid for five minutes of emulator time. */
  issue(now: number): string {
    const nonce = randomBytes(24).toString("base64url");
    this.issued.set(nonce, now + NONCE_TTL_MS);
    return nonce;
  }

  /** True when `nonce` was issued here and has not expired. */
  isValid(nonce: unknown, now: number): boolean {
    if (typeof nonce !== "string") return false;
    const expiry = this.issued.get(nonce);
    return expiry !== undefined && expiry > now;
  }
}
