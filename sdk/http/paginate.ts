// Walks Okta's cursor pages by following `Link: <…>; rel="next"`, staying on the org.
import { OktaApiError } from "../errors";
import type { HttpResponse } from "./http-transport";
import { findNextLink } from "./parse-link-header";
import { resolveOrgUrl } from "./resolve-org-url";

/**
 * Yields each page's array, starting at `firstUrl` and following `rel="next"` links until
 * there are none. A next link on another origin, a link that repeats, or a body that is
 * not a JSON array rejects with an {@link OktaApiError}.
 */
export async function* paginate<T>(
  orgUrl: string,
  firstUrl: string,
  fetchPage: (url: string) => Promise<HttpResponse>,
): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  let url: string | undefined = resolveOrgUrl(orgUrl, firstUrl);
  while (url !== undefined) {
    seen.add(url);
    const response = await fetchPage(url);
    yield parsePage<T>(response, url);
    const next = findNextLink(response.headers["link"]);
    if (next === undefined) return;
    url = resolveOrgUrl(orgUrl, absolute(next, url));
    if (seen.has(url)) throw unexpected(response, url, "the next-page link repeats an earlier page");
  }
}

function absolute(link: string, base: string): string {
  try {
    return new URL(link, base).toString();
  } catch {
    return link;
  }
}

function parsePage<T>(response: HttpResponse, url: string): T[] {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (!Array.isArray(body)) throw unexpected(response, url, "the page is not a JSON array");
  return body as T[];
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
