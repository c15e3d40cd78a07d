// Directory endpoints for apps: create, list, get, lifecycle, and delete (inactive apps only).
import { createApp, deleteApp, setAppStatus } from "../domain/apps";
import type { AppRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import { oldestFirstKey, pageOf } from "../http/paging";
import { presentApp } from "../present/present-app";
import { booleanFlag, matchesQuery } from "./query-flags";
import { json, noContent, scopeFor, type HttpMethod, type Route, type RouteContext } from "./route";

/** A route in the `apps` family with okta.apps.* scopes. */
export function appRoute(method: HttpMethod, path: string, handler: Route["handler"]): Route {
  return { method, path, family: "apps", access: scopeFor(method, "apps"), handler };
}

/** /api/v1/apps routes. */
export function appRoutes(): Route[] {
  return [
    appRoute("POST", "/api/v1/apps", (ctx) => {
      const activate = booleanFlag(ctx.query.activate, "activate", true);
      return json(200, presentApp(createApp(ctx.state, { body: ctx.body, activate }, ctx.now), ctx.orgUrl, true));
    }),
    appRoute("GET", "/api/v1/apps", (ctx) => {
      const apps = [...ctx.state.apps.values()]
        .filter((app) => matchesQuery(ctx.query.q, app.label, app.name))
        .sort((a, b) => a.seq - b.seq);
      const page = pageOf(apps, (app) => oldestFirstKey(app.seq), ctx.orgUrl + ctx.path, ctx.query, { defaultLimit: 20, maxLimit: 200 });
      return json(200, page.items.map((app) => presentApp(app, ctx.orgUrl)), { link: page.links });
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
