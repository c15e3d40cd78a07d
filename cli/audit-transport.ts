// Wraps the sdk's HTTP transport for the command line: read-only guard, call counting, single objects and body-paged lists.
import { createAxiosTransport, OktaApiError, type HttpRequest, type HttpResponse, type HttpTransport } from "../sdk";

/** Options for {@link auditTransport}. */
export interface AuditTransportOptions {
  /** The transport to wrap. Default: the sdk's axios transport. */
  inner?: HttpTransport;
  /** Called once per request sent (after the read-only check), with its method and path. */
  onRequest?: (method: string, path: string) => void;
}

/** Paths answered with one JSON object, which the sdk's `pages()` reads as a one-item page. */
const OBJECT_PATHS = [/^\/api\/v1\/users\/[^/]+$/, /^\/api\/v1\/groups\/[^/]+$/];
/** Lists that page in the body (`{ value, _links.next.href }`) instead of a Link header. */
const BODY_PAGED = /^\/api\/v1\/iam\/assignees\/users$/;
const TOKEN_PATH = "/oauth2/v1/token";

/**
 * A transport for the audit. It refuses anything but GET (and the OAuth token POST) before it
 * leaves the machine, so the audit cannot write to Okta. It lets `OktaClient.pages()` read
 * single objects and the assignee list, whose next page is named in the body.
 */
export function auditTransport(options: AuditTransportOptions = {}): HttpTransport {
  const inner = options.inner ?? createAxiosTransport();
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const url = new URL(request.url);
    if (request.method !== "GET" && !(request.method === "POST" && url.pathname === TOKEN_PATH)) {
      throw new OktaApiError({ status: 0, method: request.method, path: url.pathname, errorCode: "READ_ONLY", errorSummary: "the audit only reads; this request was not sent", orgUrl: url.origin });
    }
    const isObject = request.method === "GET" && OBJECT_PATHS.some((pattern) => pattern.test(url.pathname));
    if (isObject) url.searchParams.delete("limit");
    options.onRequest?.(request.method, url.pathname);
    const response = await inner({ ...request, url: url.toString() });
    if (response.status !== 200) return response;
    if (isObject) return { ...response, body: `[${response.body}]` };
    if (request.method === "GET" && BODY_PAGED.test(url.pathname)) return bodyPaged(response);
    return response;
  };
}

// `{ value: [...], _links: { next: { href } } }` → the array, with the next page as a Link header.
function bodyPaged(response: HttpResponse): HttpResponse {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return response;
  }
  if (typeof body !== "object" || body === null || !Array.isArray((body as { value?: unknown }).value)) return response;
  const { value, _links } = body as { value: unknown[]; _links?: { next?: { href?: unknown } } };
  const next = _links?.next?.href;
  const headers = { ...response.headers };
  delete headers["link"];
  if (typeof next === "string" && next !== "") headers["link"] = `<${next}>; rel="next"`;
  return { ...response, headers, body: JSON.stringify(value) };
}
