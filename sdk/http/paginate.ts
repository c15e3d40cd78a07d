// Walks Okta's cursor pages by following `Link: <…>; rel="next"`, staying on the org, with bounds.
import { OktaApiError } from "../errors";
import type { HttpResponse } from "./http-transport";
import { findNextLink } from "./parse-link-header";
import { resolveOrgUrl } from "./resolve-org-url";

/**
 * Most pages one listing may take before it is refused: 10,000. The client asks for 200 items a
 * page, so this is a ceiling of 2,000,000 items per listing, far above any role's targets or any
 * org's groups or apps; it exists so that an endless chain of distinct next links (a proxy that
 * rewrites Link headers, a broken gateway) stops instead of running forever.
 */
export const MAX_PAGES = 10_000;

/**
 * Most items one page may hold: 10,000. Okta serves at most 200 items a page on the endpoints this
 * client reads (and 10,000 on its largest, the group list); a bigger page cannot come from Okta,
 * and refusing it early keeps a hostile or broken body from exhausting memory or the call stack.
 */
export const MAX_PAGE_ITEMS = 10_000;

/** Bounds of one listing; each defaults to {@link MAX_PAGES} and {@link MAX_PAGE_ITEMS}. */
export interface PagingLimits {
  /** Most pages to fetch; a next link after that many pages rejects. */
  maxPages?: number;
  /** Most items one page may hold; a bigger page rejects. */
  maxPageItems?: number;
}

/**
 * Yields each page's array, starting at `firstUrl` and following `rel="next"` links until
 * there are none. A next link on another origin, a link that repeats, a next link after
 * `limits.maxPages` pages, a page of more than `limits.maxPageItems` items, or a body that is
 * not a JSON array of objects rejects with an {@link OktaApiError} naming the path.
 */
export async function* paginate<T>(
  orgUrl: string,
  firstUrl: string,
  fetchPage: (url: string) => Promise<HttpResponse>,
  limits: PagingLimits = {},
): AsyncGenerator<T[], void, undefined> {
  const maxPages = limits.maxPages ?? MAX_PAGES;
  const maxPageItems = limits.maxPageItems ?? MAX_PAGE_ITEMS;
  const seen = new Set<string>();
  let url: string | undefined = resolveOrgUrl(orgUrl, firstUrl);
  while (url !== undefined) {
    seen.add(url);
    const response = await fetchPage(url);
    yield parsePage<T>(response, url, maxPageItems);
    const next = findNextLink(response.headers["link"]);
    if (next === undefined) return;
    if (seen.size >= maxPages) throw unexpected(response, url, tooManyPages(maxPages));
    url = resolveOrgUrl(orgUrl, absolute(next, url));
    if (seen.has(url)) {
      throw unexpected(response, url, "the next-page link repeats an earlier page, so the listing would never end; a proxy or gateway that rewrites Link headers can cause this");
    }
  }
}

function tooManyPages(maxPages: number): string {
  const count = maxPages.toLocaleString("en-US");
  return `the listing still had a next-page link after ${count} pages, more than any Okta listing needs, so it was stopped; a proxy or gateway that rewrites Link headers can cause this (if the org really holds more, raise the client's maxPages)`;
}

function absolute(link: string, base: string): string {
  try {
    return new URL(link, base).toString();
  } catch {
    return link;
  }
}

function parsePage<T>(response: HttpResponse, url: string, maxPageItems: number): T[] {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw unexpected(response, url, "the page is not a JSON array (it is not JSON at all)");
  }
  if (!Array.isArray(body)) throw unexpected(response, url, `the page is not a JSON array (it is ${kind(body)})`);
  if (body.length > maxPageItems) {
    const size = `${body.length.toLocaleString("en-US")} items, more than the ${maxPageItems.toLocaleString("en-US")} any Okta page holds`;
    throw unexpected(response, url, `the page holds ${size}`);
  }
  for (let i = 0; i < body.length; i += 1) {
    const item: unknown = body[i];
    if (kind(item) !== "an object") throw unexpected(response, url, `item ${i} of the page is ${kind(item)}, not an object`);
  }
  return body as T[];
}

/** How a message names a JSON value's kind, without quoting it (bodies may hold personal data). */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function unexpected(response: HttpResponse, url: string, why: string): OktaApiError {
  const parsed = new URL(url);
  return new OktaApiError({
    status: response.status,
    method: "GET",
    path: parsed.pathname,
    errorCode: "UNEXPECTED_RESPONSE",
    errorSummary: why,
    requestId: response.headers["x-okta-request-id"],
    orgUrl: parsed.origin,
  });
}
