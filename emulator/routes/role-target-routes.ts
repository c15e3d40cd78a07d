// Role-target endpoints (groups, catalog apps, app instances) for users, groups and clients.
import { catalogEntry } from "../domain/oin-catalog";
import type { AppTarget, RoleAssignmentRecord } from "../domain/records";
import {
  addCatalogTarget,
  addGroupTarget,
  addInstanceTarget,
  removeCatalogTarget,
  removeGroupTarget,
  removeInstanceTarget,
  requireTargetKind,
  targetAllApps,
} from "../domain/role-targets";
import { newestFirstKey, pageOf, type PageOptions } from "../http/paging";
import { presentCatalogApp, presentInstanceTarget } from "../present/present-catalog-app";
import { presentGroup } from "../present/present-group";
import { PRINCIPAL_PATHS, requireAssignment, type PrincipalPath } from "./principal-paths";
import { json, noContent, scopeFor, type HttpMethod, type Route, type RouteContext } from "./route";

const PAGING: PageOptions = { defaultLimit: 20, maxLimit: 200 };

type TargetAction = (ctx: RouteContext, ra: RoleAssignmentRecord) => void;

/** Every target endpoint under {base}/roles/{roleAssignmentId}/targets for the three principal kinds. */
export function roleTargetRoutes(): Route[] {
  return PRINCIPAL_PATHS.flatMap((path) => routesFor(path));
}

function routesFor(path: PrincipalPath): Route[] {
  const targets = `${path.base}/roles/{roleAssignmentId}/targets`;
  const change = (method: HttpMethod, suffix: string, action: TargetAction): Route =>
    changeRoute(path, method, `${targets}/${suffix}`, action);
  const routes: Route[] = [
    listRoute(path, `${targets}/groups`, listGroupTargets),
    change("PUT", "groups/{targetGroupId}", (ctx, ra) => addGroupTarget(ctx.state, ra, param(ctx, "targetGroupId"), ctx.now)),
    change("DELETE", "groups/{targetGroupId}", (ctx, ra) => removeGroupTarget(ra, param(ctx, "targetGroupId"), ctx.now)),
    listRoute(path, `${targets}/catalog/apps`, listAppTargets),
    change("PUT", "catalog/apps/{appName}", (ctx, ra) => addCatalogTarget(ctx.state, ra, param(ctx, "appName"), ctx.now)),
    change("DELETE", "catalog/apps/{appName}", (ctx, ra) => removeCatalogTarget(ra, param(ctx, "appName"), ctx.now)),
    change("PUT", "catalog/apps/{appName}/{appId}", (ctx, ra) =>
      addInstanceTarget(ctx.state, ra, param(ctx, "appName"), param(ctx, "appId"), ctx.now),
    ),
    change("DELETE", "catalog/apps/{appName}/{appId}", (ctx, ra) =>
      removeInstanceTarget(ra, param(ctx, "appName"), param(ctx, "appId"), ctx.now),
    ),
  ];
  // Only users have "all apps" (PUT catalog/apps with no name).
  if (path.kind === "user") routes.push(change("PUT", "catalog/apps", (ctx, ra) => targetAllApps(ra, ctx.now)));
  return routes;
}

function listRoute(path: PrincipalPath, url: string, list: (ctx: RouteContext, ra: RoleAssignmentRecord) => ReturnType<Route["handler"]>): Route {
  return { method: "GET", path: url, family: "role-targets", access: scopeFor("GET", "roles"), handler: (ctx) => list(ctx, requireAssignment(ctx, path)) };
}

function changeRoute(path: PrincipalPath, method: HttpMethod, url: string, action: TargetAction): Route {
  return {
    method,
    path: url,
    family: "role-targets",
    access: scopeFor(method, "roles"),
    handler: (ctx) => {
      action(ctx, requireAssignment(ctx, path));
      return noContent();
    },
  };
}

function listGroupTargets(ctx: RouteContext, ra: RoleAssignmentRecord): ReturnType<Route["handler"]> {
  requireTargetKind(ra, "groups");
  // Live traffic lists group targets in ascending id order.
  const ids = [...ra.groupTargets].sort();
  const page = pageOf(ids, (id) => id, ctx.orgUrl + ctx.path, ctx.query, PAGING);
  const groups = page.items.flatMap((id) => {
    const group = ctx.state.groups.get(id);
    return group ? [presentGroup(group, ctx.orgUrl)] : [];
  });
  return json(200, groups, { link: page.links });
}

function listAppTargets(ctx: RouteContext, ra: RoleAssignmentRecord): ReturnType<Route["handler"]> {
  requireTargetKind(ra, "apps");
  // Newest first, as the one recorded multi-item list shows.
  const ordered = [...ra.appTargets].sort((a, b) => b.seq - a.seq);
  const page = pageOf(ordered, (target) => newestFirstKey(target.seq), ctx.orgUrl + ctx.path, ctx.query, PAGING);
  return json(200, page.items.flatMap((target) => presentAppTarget(ctx, target)), { link: page.links });
}

function presentAppTarget(ctx: RouteContext, target: AppTarget): Record<string, unknown>[] {
  if (target.kind === "instance") {
    const app = ctx.state.apps.get(target.appId);
    return app ? [presentInstanceTarget(app, ctx.orgUrl)] : [];
  }
  const entry = catalogEntry(target.appName);
  return entry ? [presentCatalogApp(entry, ctx.orgUrl)] : [];
}

function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? "";
}
