// Finds the known names closest to a mistyped one, for "did you mean …?" messages.
import { distance } from "fastest-levenshtein";

/** How {@link nearestMatches} compares and how many it returns. */
export interface NearestOptions {
  /** At most this many suggestions (default 3). */
  limit?: number;
  /** Maps both sides to a comparable form first (default: lower case). */
  normalize?: (s: string) => string;
}

/**
 * The candidates within a typo's reach of `input`, nearest first (ties keep the
 * candidates' order). "Within reach" is an edit distance of at most a third of the
 * longer word, and at least 1, so `slak` finds `slack` but `box` finds nothing for `zoom`.
 * A candidate equal to `input` itself is never suggested; one equal only after
 * normalizing (`app_admin` for `APP_ADMIN`) is the nearest of all.
 */
export function nearestMatches(input: string, candidates: readonly string[], options: NearestOptions = {}): string[] {
  const limit = options.limit ?? 3;
  const norm = options.normalize ?? ((s: string) => s.toLowerCase());
  const wanted = norm(input);
  const scored: { name: string; d: number; i: number }[] = [];
  candidates.forEach((name, i) => {
    if (name === input) return;
    const other = norm(name);
    const d = distance(wanted, other);
    const reach = Math.max(1, Math.floor(Math.max(wanted.length, other.length) / 3));
    if (d <= reach) scored.push({ name, d, i });
  });
  return scored
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.name);
}
