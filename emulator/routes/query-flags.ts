// Boolean query flags such as `?activate=true`, read strictly.
import { validationFailed } from "../http/okta-error";

/** Reads a true/false query flag with a default; other values are 400 E0000001. */
export function booleanFlag(raw: string | undefined, name: string, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw validationFailed(name, `${name}: must be true or false`);
}

/** True when `text` starts with the `q` filter (case-insensitive); always true without one. */
export function matchesQuery(q: string | undefined, ...texts: string[]): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return texts.some((text) => text.toLowerCase().startsWith(needle));
}
