// Cursor paging as Okta does it: `limit` + opaque `after`, and Link headers for self and next.
import { validationFailed } from "./okta-error";

/** How a list endpoint pages. */
export interface PageOptions {
  /** Items per page when `limit` is absent (Okta: 20 for role targets). */
  readonly defaultLimit: number;
  /** Largest accepted `limit` (Okta: 200). */
  readonly maxLimit: number;
}

/** One page of a list, with the Link header values to send. */
export interface Page<T> {
  readonly items: T[];
  readonly links: string[];
}

/** Reads `limit`: whole numbers from 1 to `maxLimit`; anything else is 400 E0000001. */
export function parseLimit(raw: string | undefined, options: PageOptions): number {
  if (raw === undefined) return options.defaultLimit;
  const limit = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > options.maxLimit) {
    throw validationFailed("limit", `limit: must be a whole number from 1 to ${options.maxLimit}, got '${raw}'`);
  }
  return limit;
}

/** Makes an opaque cursor from an item's sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(`c1:${key}`, "utf8").toString("base64url");
}

/** Reads a cursor made by encodeCursor; anything else is 400 E0000001. */
export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  if (!text.startsWith("c1:")) throw validationFailed("after", "after: not a cursor this server issued");
  return text.slice(3);
}

/**
 * Cuts one page out of `items`, which must be sorted ascending by `keyOf`. The cursor holds the
 * key of the last item served, so deletions between pages never skip or repeat items.
 * @param url the absolute URL of the list without a query (for the Link headers)
 * @param query the request's query; other parameters are carried into the next link
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  url: string,
  query: Readonly<Record<string, string | undefined>>,
  options: PageOptions,
): Page<T> {
  const limit = parseLimit(query.limit, options);
  const after = query.after === undefined ? undefined : decodeCursor(query.after);
  const rest = after === undefined ? [...items] : items.filter((item) => keyOf(item) > after);
  const served = rest.slice(0, limit);
  const links = [`<${withQuery(url, query, {})}>; rel="self"`];
  const last = served[served.length - 1];
  if (rest.length > limit && last !== undefined) {
    const next = withQuery(url, query, { after: encodeCursor(keyOf(last)), limit: String(limit) });
    links.push(`<${next}>; rel="next"`);
  }
  return { items: served, links };
}

/** A sort key that lists newer items (higher seq) first under an ascending sort. */
export function newestFirstKey(seq: number): string {
  return String(Number.MAX_SAFE_INTEGER - seq).padStart(16, "0");
}

/** A sort key that lists items in insertion order. */
export function oldestFirstKey(seq: number): string {
  return String(seq).padStart(16, "0");
}

function withQuery(url: string, query: Readonly<Record<string, string | undefined>>, overrides: Record<string, string>): string {
  const params = new URLSearchParams();
  const replacing = Object.keys(overrides).length > 0;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || (replacing && (name === "after" || name === "limit"))) continue;
    params.append(name, value);
  }
  for (const [name, value] of Object.entries(overrides)) params.append(name, value);
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}
