// How long Okta asks a client to wait after 429: X-Rate-Limit-Reset − Date + 1 s.

/** Waits longer than this are treated as nonsense headers. */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;

/**
 * Milliseconds until the rate-limit window resets, plus one second, measured on the
 * server's own clock (`X-Rate-Limit-Reset` − `Date` + 1 s). `undefined` when either header
 * is missing or the result is nonsense (reset before Date, or more than an hour away),
 * so the caller falls back to backoff.
 */
export function rateLimitResetDelayMs(headers: Record<string, string>): number | undefined {
  const resetText = (headers["x-rate-limit-reset"] ?? "").trim();
  const dateText = headers["date"];
  if (!isDigits(resetText) || !dateText) return undefined;
  const dateMs = Date.parse(dateText);
  if (!Number.isFinite(dateMs)) return undefined;
  const waitMs = Number(resetText) * 1000 - dateMs + 1000;
  if (!Number.isFinite(waitMs) || waitMs < 1000 || waitMs > MAX_RATE_LIMIT_WAIT_MS) return undefined;
  return waitMs;
}

/** True when the text is a non-empty run of ASCII digits (at most 15, to stay exact). */
export function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (const c of text) if (c < "0" || c > "9") return false;
  return true;
}
