// Directory endpoints for groups: create, list, get, replace, delete (which clears targets).
import { createGroup, replaceGroupProfile } from "../domain/groups";
import { presentGroup } from "../present/present-group";
import { groupSearch } from "./group-search";
import { pagedList } from "./paged-list";
import { requireGroup } from "./require-group";
import { matchesQuery } from "./query-flags";
import { apiRouteMaker, json, noContent, type Route, type RouteContext } from "./route";

/** /api/v1/groups routes. */
export function groupRoutes(): Route[] {
  const route = apiRouteMaker("groups", "groups");
  return [
    route("POST", "/api/v1/groups", (ctx) => json(200, presentGroup(createGroup(ctx.state, ctx.body, ctx.now), ctx.orgUrl))),
    route("GET", "/api/v1/groups", (ctx) => {
      const search = groupSearch(ctx.query.search);
      const groups = [...ctx.state.groups.values()].filter((group) => matchesQuery(ctx.query.q, group.profile.name) && search(group));
      groups.sort((a, b) => (a.id < b.id ? -1 : 1));
      return pagedList(ctx, groups, (group) => group.id, (group) => presentGroup(group, ctx.orgUrl), { defaultLimit: 200, maxLimit: 10000 });
    }),
    route("GET", "/api/v1/groups/{groupId}", (ctx) => json(200, presentGroup(requireGroup(ctx), ctx.orgUrl))),
    route("PUT", "/api/v1/groups/{groupId}", (ctx) => {
      const group = requireGroup(ctx);
      replaceGroupProfile(ctx.state, group, ctx.body, ctx.now);
      return json(200, presentGroup(group, ctx.orgUrl));
    }),
    route("DELETE", "/api/v1/groups/{groupId}", (ctx) => {
      ctx.state.deleteGroup(requireGroup(ctx).id, ctx.now);
      return noContent();
    }),
  ];
}
