// Okta-shaped identifiers: a three-character prefix and seventeen base62 characters.
import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Prefixes of the object ids the emulator mints, as Okta uses them. */
export const ID_PREFIX = {
  user: "00u",
  group: "00g",
  app: "0oa",
  userRole: "ra1",
  groupRole: "gra",
  grant: "oag",
} as const;

/** Random base62 text of the given length. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 is the largest multiple of 62 below 256: rejecting above it keeps the draw uniform.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A new id of Okta's form: `prefix` + 17 base62 characters (20 in all). */
export function newId(prefix: string): string {
  return prefix + randomBase62(17);
}

/** True when `id` has Okta's form for the given prefix. */
export function isIdOf(prefix: string, id: string): boolean {
  return id.length === 20 && id.startsWith(prefix) && /^[0-9A-Za-z]+$/.test(id);
}

/** An error id: "oae" + 22 base64url characters, as in Okta error bodies. */
export function newErrorId(): string {
  return "oae" + randomBytes(17).toString("base64url").slice(0, 22);
}

/** A request id in the shape of Okta's X-Okta-Request-Id header. */
export function newRequestId(): string {
  return randomBytes(20).toString("base64url");
}
