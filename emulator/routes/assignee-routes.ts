// GET /api/v1/iam/assignees/users: the users who hold an admin role, paged in the body as Okta's spec shows.
import { oldestFirstKey, pageOf } from "../http/paging";
import type { UserRecord } from "../domain/records";
import { apiRouteMaker, json, type Route, type RouteContext } from "./route";

const route = apiRouteMaker("role-assignments", "roles");

/**
 * The assignee list. Its body is `{ value: RoleAssignedUser[], _links: { next? } }` (the spec's
 * `RoleAssignedUsers`), not a bare array, and the next page is named in `_links.next.href`.
 * Users holding a role only through a group are listed only when the emulator was started with
 * `assigneesIncludeGroupHolders` (Okta's documentation does not say which it does).
 */
export function assigneeRoutes(): Route[] {
  return [
    route("GET", "/api/v1/iam/assignees/users", (ctx) => {
      const users = roleHolders(ctx).sort((a, b) => a.seq - b.seq);
      const page = pageOf(users, (user) => oldestFirstKey(user.seq), ctx.orgUrl + ctx.path, ctx.query, { defaultLimit: 100, maxLimit: 200 });
      const next = page.links.map((link) => /^<([^>]*)>; rel="next"$/.exec(link)?.[1]).find((href) => href !== undefined);
      const value = page.items.map((user) => presentAssignee(user, ctx.orgUrl));
      return json(200, { value, _links: next === undefined ? {} : { next: { href: next } } });
    }),
  ];
}

function roleHolders(ctx: RouteContext): UserRecord[] {
  const ids = new Set<string>();
  for (const ra of ctx.state.roleAssignments) {
    if (ra.principal.kind === "user") ids.add(ra.principal.id);
    if (ra.principal.kind === "group" && ctx.runtime.options.assigneesIncludeGroupHolders) {
      for (const userId of ctx.state.groupMembers.get(ra.principal.id) ?? []) ids.add(userId);
    }
  }
  return [...ids].map((id) => ctx.state.users.get(id)).filter((user): user is UserRecord => user !== undefined);
}

function presentAssignee(user: UserRecord, orgUrl: string): Record<string, unknown> {
  const self = `${orgUrl}/api/v1/users/${user.id}`;
  return {
    id: user.id,
    orn: `orn:okta:directory:emulator:users:${user.id}`,
    _links: { self: { href: self }, roles: { href: `${self}/roles` } },
  };
}
