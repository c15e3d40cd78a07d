// The Okta role-target client: role assignments and their group, catalog-app and app-instance targets.
import { apiPath } from "./api-path";
import type { Authenticator } from "./auth/authenticator";
import { createAuthenticator } from "./auth/create-authenticator";
import { isOktaApiError, OktaApiError } from "./errors";
import { emitEvent, type OktaEventListener } from "./http/okta-event";
import { paginate } from "./http/paginate";
import { RequestExecutor, type ExecutorResponse } from "./http/request-executor";
import { resolveOrgUrl } from "./http/resolve-org-url";
import { responseError } from "./http/response-error";
import { resolveClientOptions, type OktaClientOptions } from "./okta-client-options";
import { principalRolesPath } from "./principal-roles-path";
import type { AppDirectoryApi, AppTarget, GroupTarget, Principal, RoleAssignment, RoleTargetsApi } from "./types";

/** Query parameters; `undefined` values are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/** Page size the client always asks for: Okta's maximum. */
export const PAGE_LIMIT = 200;

/**
 * Talks to one Okta org. Every path segment is encoded, pages are followed only on the org,
 * requests are paced and retried, and failures reject with {@link OktaApiError}. It offers no
 * "all apps" target, because that would widen a role.
 */
export class OktaClient implements RoleTargetsApi, AppDirectoryApi {
  /** The org's origin, such as `https://dev-123.okta.com`. */
  readonly orgUrl: string;
  readonly #executor: RequestExecutor;
  readonly #auth: Authenticator;
  readonly #onEvent: OktaEventListener;
  readonly #maxPages: number;

  /** Creates a client; with a private key it loads the key now and fetches a token on first use. */
  constructor(options: OktaClientOptions) {
    const o = resolveClientOptions(options);
    this.orgUrl = o.orgUrl;
    this.#onEvent = o.onEvent;
    this.#maxPages = o.maxPages;
    const clock = { now: o.now, sleep: o.sleep, random: o.random };
    this.#executor = new RequestExecutor({ ...o, clock });
    this.#auth = createAuthenticator(o.auth, { orgUrl: o.orgUrl, executor: this.#executor, clock, onEvent: o.onEvent });
  }

  /**
   * Iterates the pages of a list endpoint (`limit=200`), following `rel="next"` links on the org
   * only. It rejects with an `OktaApiError` naming the path after `maxPages` pages (default
   * 10,000, so 2,000,000 items), on a page of more than 10,000 items, and on a page that is not a
   * JSON array of objects.
   */
  async *pages<T>(path: string, query: QueryParams = {}): AsyncGenerator<T[], void, undefined> {
    yield* this.#paginate<T>(withQuery(this.#url("GET", path), { ...query, limit: PAGE_LIMIT }));
  }

  /** Every item of every page of a list endpoint, with the bounds of {@link OktaClient.pages}. */
  async listAll<T>(path: string, query: QueryParams = {}): Promise<T[]> {
    return collect(this.pages<T>(path, query));
  }

  /** Lists the principal's role assignments (this endpoint takes no `limit`; links are still followed). */
  async listRoleAssignments(principal: Principal): Promise<RoleAssignment[]> {
    return collect(this.#paginate<RoleAssignment>(this.#url("GET", principalRolesPath(principal))));
  }

  /** Reads one role assignment; rejects with a 404 `OktaApiError` if it is gone. */
  async getRoleAssignment(principal: Principal, roleAssignmentId: string): Promise<RoleAssignment> {
    return this.#json<RoleAssignment>("GET", principalRolesPath(principal) + apiPath`/${roleAssignmentId}`);
  }

  /**
   * Finds the principal's own assignment of `roleType` by listing, or `undefined`. A user's list
   * also shows roles held through a group (`assignmentType: "GROUP"`); those belong to the group,
   * whose targets a binding on the user must not touch, so they are skipped.
   */
  async findRoleAssignment(principal: Principal, roleType: string): Promise<RoleAssignment | undefined> {
    const own = (role: RoleAssignment) => principal.kind !== "user" || role.assignmentType === undefined || role.assignmentType === "USER";
    return (await this.listRoleAssignments(principal)).find((role) => role.type === roleType && own(role));
  }

  /**
   * Assigns a standard role. If a retried POST meets 409 E0000090 (the first attempt had
   * already succeeded), it returns the existing assignment instead of failing.
   */
  async assignRole(principal: Principal, roleType: string): Promise<RoleAssignment> {
    try {
      return await this.#json<RoleAssignment>("POST", principalRolesPath(principal), { type: roleType });
    } catch (error) {
      if (isOktaApiError(error, 409, "E0000090") && error.retries > 0) {
        const existing = await this.findRoleAssignment(principal, roleType);
        if (existing) return existing;
      }
      throw error;
    }
  }

  /** Removes a role assignment. */
  async unassignRole(principal: Principal, roleAssignmentId: string): Promise<void> {
    await this.#send("DELETE", principalRolesPath(principal) + apiPath`/${roleAssignmentId}`);
  }

  /** Lists all group targets (`[]` means the role covers all groups). */
  async listGroupTargets(principal: Principal, roleAssignmentId: string): Promise<GroupTarget[]> {
    return this.listAll<GroupTarget>(this.#targets(principal, roleAssignmentId) + "/groups");
  }

  /** Adds a group target (idempotent). */
  async assignGroupTarget(principal: Principal, roleAssignmentId: string, groupId: string): Promise<void> {
    await this.#send("PUT", this.#targets(principal, roleAssignmentId) + apiPath`/groups/${groupId}`);
  }

  /** Removes a group target; Okta refuses to remove the last one with 400. */
  async removeGroupTarget(principal: Principal, roleAssignmentId: string, groupId: string): Promise<void> {
    await this.#send("DELETE", this.#targets(principal, roleAssignmentId) + apiPath`/groups/${groupId}`);
  }

  /** Lists all app targets, catalog and instance alike (`[]` means the role covers all apps). */
  async listAppTargets(principal: Principal, roleAssignmentId: string): Promise<AppTarget[]> {
    return this.listAll<AppTarget>(this.#targets(principal, roleAssignmentId) + "/catalog/apps");
  }

  /** Adds an OIN catalog app target; Okta drops that app's instance targets. */
  async assignCatalogAppTarget(principal: Principal, roleAssignmentId: string, appName: string): Promise<void> {
    await this.#send("PUT", this.#targets(principal, roleAssignmentId) + apiPath`/catalog/apps/${appName}`);
  }

  /** Removes an OIN catalog app target. */
  async removeCatalogAppTarget(principal: Principal, roleAssignmentId: string, appName: string): Promise<void> {
    await this.#send("DELETE", this.#targets(principal, roleAssignmentId) + apiPath`/catalog/apps/${appName}`);
  }

  /** Adds an app-instance target; Okta drops the catalog target of its app. */
  async assignAppInstanceTarget(principal: Principal, roleAssignmentId: string, appName: string, appId: string): Promise<void> {
    const path = this.#targets(principal, roleAssignmentId) + apiPath`/catalog/apps/${appName}/${appId}`;
    await this.#send("PUT", path);
  }

  /** Removes an app-instance target. */
  async removeAppInstanceTarget(principal: Principal, roleAssignmentId: string, appName: string, appId: string): Promise<void> {
    const path = this.#targets(principal, roleAssignmentId) + apiPath`/catalog/apps/${appName}/${appId}`;
    await this.#send("DELETE", path);
  }

  /** Reads an app instance (`GET /api/v1/apps/{appId}`): its catalog key `name` and its `label`. */
  async getApp(appId: string): Promise<{ id: string; name: string; label?: string }> {
    return this.#json("GET", apiPath`/api/v1/apps/${appId}`);
  }

  /**
   * Lists the groups among `groupIds` that exist, with one `GET /api/v1/groups?search=id eq "…" or …`
   * (pass at most a few dozen ids, so the URL stays short). Ids Okta does not know are simply absent.
   */
  async listGroupsById(groupIds: readonly string[]): Promise<GroupTarget[]> {
    if (groupIds.length === 0) return [];
    const search = groupIds.map((id) => `id eq ${JSON.stringify(id)}`).join(" or ");
    return this.listAll<GroupTarget>("/api/v1/groups", { search });
  }

  /** Reads a group (`GET /api/v1/groups/{groupId}`): its id and the profile name people see. */
  async getGroup(groupId: string): Promise<GroupTarget> {
    return this.#json("GET", apiPath`/api/v1/groups/${groupId}`);
  }

  #paginate<T>(firstUrl: string): AsyncGenerator<T[], void, undefined> {
    return paginate<T>(this.orgUrl, firstUrl, (url) => this.#send("GET", url), { maxPages: this.#maxPages });
  }

  #targets(principal: Principal, roleAssignmentId: string): string {
    return principalRolesPath(principal) + apiPath`/${roleAssignmentId}/targets`;
  }

  #url(method: string, pathOrUrl: string): string {
    return resolveOrgUrl(this.orgUrl, pathOrUrl, method);
  }

  async #json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.#send(method, path, body);
    try {
      return JSON.parse(response.body) as T;
    } catch {
      throw new OktaApiError({
        status: response.status,
        method,
        path: new URL(this.#url(method, path)).pathname,
        errorCode: "UNEXPECTED_RESPONSE",
        errorSummary: "the body is not JSON",
        requestId: response.headers["x-okta-request-id"],
        orgUrl: this.orgUrl,
      });
    }
  }

  /** Sends with credentials; retries once after a DPoP nonce 401; rejects on any non-2xx. */
  async #send(method: string, pathOrUrl: string, body?: unknown): Promise<ExecutorResponse> {
    const url = this.#url(method, pathOrUrl);
    const request = {
      method,
      url,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      prepare: async () => ({ headers: await this.#auth.headersFor(method, url) }),
    };
    let response = await this.#executor.send(request);
    if (response.status === 401 && this.#auth.retryAfterUnauthorized(response)) {
      const path = new URL(url).pathname;
      const requestId = response.headers["x-okta-request-id"];
      emitEvent(this.#onEvent, { type: "retry", method, path, attempt: 1, delayMs: 0, reason: "dpop-nonce", status: 401, requestId });
      response = await this.#executor.send(request);
    }
    if (response.status < 200 || response.status >= 300) {
      throw responseError(response, { method, url, retries: response.retries, authMethod: this.#auth.method });
    }
    return response;
  }
}

/** Appends each page item by item: spreading a page into `push` overflows the stack on a huge page. */
async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) {
    for (const item of page) items.push(item);
  }
  return items;
}

function withQuery(url: string, query: QueryParams): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) parsed.searchParams.set(name, String(value));
  }
  return parsed.toString();
}
