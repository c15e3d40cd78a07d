// The route-table types: each route is data (method, Okta path, family, access) plus a handler.
import type { EmulatorState } from "../domain/emulator-state";
import type { EmulatorRuntime } from "../emulator-runtime";

/** HTTP methods the emulator serves. */
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * Who may call a route: anyone (`public`, e.g. the token endpoint), the test controls
 * (`control`: no auth, no rate limit, no faults), or API callers holding `scope`.
 */
export type RouteAccess = "public" | "control" | { readonly scope: string };

/** What a handler sees of one request. */
export interface RouteContext {
  readonly runtime: EmulatorRuntime;
  readonly state: EmulatorState;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The org's base URL as the client reached it, e.g. `http://127.0.0.1:8080`. */
  readonly orgUrl: string;
  /** The request path without its query. */
  readonly path: string;
  readonly method: HttpMethod;
  /** Emulator-clock time of the request, epoch milliseconds. */
  readonly now: number;
}

/** What a handler answers; the server adds the protocol headers. */
export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string | string[]>>;
}

/** One row of the route table. `path` uses Okta's `{param}` syntax. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  /** Rate-limit family (see README); control routes use `control`. */
  readonly family: string;
  readonly access: RouteAccess;
  readonly handler: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string | string[]>): RouteResult {
  return headers ? { status, body, headers } : { status, body };
}

/** A 204 No Content answer. */
export function noContent(): RouteResult {
  return { status: 204 };
}

/** The Okta scope families (`okta.<family>.read` / `.manage`). */
export type ScopeFamily = "roles" | "users" | "groups" | "apps";

/** The `read` or `manage` variant of an Okta scope family for a method: GET reads, the rest manage. */
export function scopeFor(method: HttpMethod, family: ScopeFamily): { scope: string } {
  return { scope: `okta.${family}.${method === "GET" ? "read" : "manage"}` };
}

/** A maker of API routes in one rate-limit family whose scope follows the method. */
export function apiRouteMaker(family: string, scopes: ScopeFamily): (method: HttpMethod, path: string, handler: Route["handler"]) => Route {
  return (method, path, handler) => ({ method, path, family, access: scopeFor(method, scopes), handler });
}
