// Directory endpoints for users: create, list, get, lifecycle, and deactivate-then-delete.
import { activateUser, createUser, deactivateUser, deleteOrDeactivateUser } from "../domain/users";
import type { UserRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import { oldestFirstKey } from "../http/paging";
import { pagedList } from "./paged-list";
import { presentUser } from "../present/present-user";
import { booleanFlag, matchesQuery } from "./query-flags";
import { apiRouteMaker, json, noContent, type Route, type RouteContext } from "./route";

/** /api/v1/users routes. */
export function userRoutes(): Route[] {
  const route = apiRouteMaker("users", "users");
  return [
    route("POST", "/api/v1/users", (ctx) => {
      const activate = booleanFlag(ctx.query.activate, "activate", true);
      return json(200, presentUser(createUser(ctx.state, { body: ctx.body, activate }, ctx.now), ctx.orgUrl));
    }),
    route("GET", "/api/v1/users", (ctx) => {
      const users = [...ctx.state.users.values()]
        .filter((user) => matchesQuery(ctx.query.q, user.profile.login, user.profile.firstName, user.profile.lastName, user.profile.email))
        .sort((a, b) => a.seq - b.seq);
      return pagedList(ctx, users, (user) => oldestFirstKey(user.seq), (user) => presentUser(user, ctx.orgUrl), { defaultLimit: 200, maxLimit: 200 });
    }),
    route("GET", "/api/v1/users/{id}", (ctx) => json(200, presentUser(requireUser(ctx), ctx.orgUrl))),
    route("DELETE", "/api/v1/users/{id}", (ctx) => {
      deleteOrDeactivateUser(ctx.state, requireUser(ctx), ctx.now);
      return noContent();
    }),
    route("POST", "/api/v1/users/{id}/lifecycle/deactivate", (ctx) => {
      deactivateUser(requireUser(ctx), ctx.now);
      return json(200, {});
    }),
    route("POST", "/api/v1/users/{id}/lifecycle/activate", (ctx) => {
      activateUser(requireUser(ctx), ctx.now);
      return json(200, {});
    }),
  ];
}

function requireUser(ctx: RouteContext): UserRecord {
  const id = ctx.params.id ?? "";
  const user = ctx.state.findUser(id);
  if (!user) throw notFound(id, "User");
  return user;
}
