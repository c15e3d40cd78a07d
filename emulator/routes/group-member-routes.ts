// Group membership: list a group's users, add and remove a member.
import type { UserRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import { oldestFirstKey } from "../http/paging";
import { presentUser } from "../present/present-user";
import { pagedList } from "./paged-list";
import { requireGroup } from "./require-group";
import { apiRouteMaker, noContent, type Route, type RouteContext } from "./route";

/** /api/v1/groups/{groupId}/users routes (Okta pages this list 1000 at a time by default). */
export function groupMemberRoutes(): Route[] {
  const route = apiRouteMaker("groups", "groups");
  return [
    route("GET", "/api/v1/groups/{groupId}/users", (ctx) => {
      const group = requireGroup(ctx);
      const members = [...(ctx.state.groupMembers.get(group.id) ?? [])]
        .map((id) => ctx.state.users.get(id))
        .filter((user): user is UserRecord => user !== undefined)
        .sort((a, b) => a.seq - b.seq);
      return pagedList(ctx, members, (user) => oldestFirstKey(user.seq), (user) => presentUser(user, ctx.orgUrl), { defaultLimit: 1000, maxLimit: 10000 });
    }),
    route("PUT", "/api/v1/groups/{groupId}/users/{userId}", (ctx) => {
      ctx.state.addMember(requireGroup(ctx).id, requireUser(ctx).id);
      return noContent();
    }),
    route("DELETE", "/api/v1/groups/{groupId}/users/{userId}", (ctx) => {
      ctx.state.removeMember(requireGroup(ctx).id, requireUser(ctx).id);
      return noContent();
    }),
  ];
}

function requireUser(ctx: RouteContext): UserRecord {
  const id = ctx.params.userId ?? "";
  const user = ctx.state.users.get(id);
  if (!user) throw notFound(id, "User");
  return user;
}
