// The one path builder: every interpolated value becomes exactly one encoded path segment.

/**
 * Encodes one path segment with `encodeURIComponent`. Throws a `TypeError` for values that
 * could still change the path after encoding: empty strings, `.` and `..` (dot segments),
 * non-strings, and strings that are not valid Unicode.
 */
export function encodePathSegment(value: string): string {
  if (typeof value !== "string") throw new TypeError(`A path segment must be a string, got ${typeof value}.`);
  if (value === "" || value === "." || value === "..") {
    throw new TypeError(`${JSON.stringify(value)} is not a valid id or name: it would change the request path.`);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new TypeError("An id or name holds invalid Unicode (a lone surrogate) and cannot be sent.");
  }
}

/**
 * Tagged template for API paths: `` apiPath`/api/v1/users/${id}/roles` ``. The literal parts
 * are trusted; each value goes through {@link encodePathSegment}, so no input can add a
 * segment, a query or a fragment.
 */
export function apiPath(literals: TemplateStringsArray, ...values: string[]): string {
  let path = literals[0];
  for (let i = 0; i < values.length; i++) path += encodePathSegment(values[i]) + literals[i + 1];
  return path;
}
