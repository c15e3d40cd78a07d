// Capped exponential backoff with jitter.

/**
 * The wait before retry number `retry` (1-based): the ceiling doubles from `baseMs` up to
 * `maxMs`, and the wait is drawn uniformly from its upper half so that clients spread out.
 */
export function backoffDelayMs(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (r * ceiling) / 2);
}
