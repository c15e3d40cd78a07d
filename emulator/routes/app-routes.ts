// Directory endpoints for apps: create, list, get, lifecycle, and delete (inactive apps only).
import { createApp, deleteApp, setAppStatus } from "../domain/apps";
import type { AppRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import { oldestFirstKey } from "../http/paging";
import { appFilter } from "./app-filter";
import { pagedList } from "./paged-list";
import { presentApp } from "../present/present-app";
import { booleanFlag, matchesQuery } from "./query-flags";
import { apiRouteMaker, json, noContent, type Route, type RouteContext } from "./route";

/** A route in the `apps` family with okta.apps.* scopes. */
export const appRoute = apiRouteMaker("apps", "apps");

/** /api/v1/apps routes. */
export function appRoutes(): Route[] {
  return [
    appRoute("POST", "/api/v1/apps", (ctx) => {
      const activate = booleanFlag(ctx.query.activate, "activate", true);
      return json(200, presentApp(createApp(ctx.state, { body: ctx.body, activate }, ctx.now), ctx.orgUrl, true));
    }),
    appRoute("GET", "/api/v1/apps", (ctx) => {
      const filter = appFilter(ctx.query.filter);
      const apps = [...ctx.state.apps.values()]
        .filter((app) => matchesQuery(ctx.query.q, app.label, app.name) && filter(app))
        .sort((a, b) => a.seq - b.seq);
      return pagedList(ctx, apps, (app) => oldestFirstKey(app.seq), (app) => presentApp(app, ctx.orgUrl), { defaultLimit: 20, maxLimit: 200 });
    }),
    appRoute("GET", "/api/v1/apps/{appId}", (ctx) => json(200, presentApp(requireApp(ctx), ctx.orgUrl))),
    appRoute("DELETE", "/api/v1/apps/{appId}", (ctx) => {
      deleteApp(ctx.state, requireApp(ctx), ctx.now);
      return noContent();
    }),
    appRoute("POST", "/api/v1/apps/{appId}/lifecycle/activate", (ctx) => {
      setAppStatus(requireApp(ctx), "ACTIVE", ctx.now);
      return json(200, {});
    }),
    appRoute("POST", "/api/v1/apps/{appId}/lifecycle/deactivate", (ctx) => {
      setAppStatus(requireApp(ctx), "INACTIVE", ctx.now);
      return json(200, {});
    }),
  ];
}

/** The app named by the `appId` path parameter; 404 E0000007 (AppInstance) when absent. */
export function requireApp(ctx: RouteContext): AppRecord {
  const id = ctx.params.appId ?? "";
  const app = ctx.state.apps.get(id);
  if (!app) throw notFound(id, "AppInstance");
  return app;
}
