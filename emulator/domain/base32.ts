// Unpadded RFC 4648 base32, which Okta uses to derive role-assignment ids from role types.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * Encodes text as unpadded upper-case base32 (RFC 4648).
 * @example base32("APP_ADMIN") === "IFIFAX2BIRGUSTQ"
 */
export function base32(text: string): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
