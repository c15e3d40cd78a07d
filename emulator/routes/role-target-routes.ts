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
import { newestFirstKey, type PageOptions } from "../http/paging";
import { presentCatalogApp, presentInstanceTarget } from "../present/present-catalog-app";
import { presentGroup } from "../present/present-group";
import { pagedList } from "./paged-list";
import { PRINCIPAL_PATHS, requireAssignment, type PrincipalPath } from "./principal-paths";
import { apiRouteMaker, noContent, type HttpMethod, type Route, type RouteContext, type RouteResult } from "./route";

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

const route = apiRouteMaker("role-targets", "roles");

function listRoute(path: PrincipalPath, url: string, list: (ctx: RouteContext, ra: RoleAssignmentRecord) => RouteResult): Route {
  return route("GET", url, (ctx) => list(ctx, requireAssignment(ctx, path)));
}

function changeRoute(path: PrincipalPath, method: HttpMethod, url: string, action: TargetAction): Route {
  return route(method, url, (ctx) => {
    action(ctx, requireAssignment(ctx, path));
    return noContent();
  });
}

function listGroupTargets(ctx: RouteContext, ra: RoleAssignmentRecord): RouteResult {
  requireTargetKind(ra, "groups");
  // Live traffic lists group targets in ascending id order.
  const groups = [...ra.groupTargets].sort().flatMap((id) => ctx.state.groups.get(id) ?? []);
  return pagedList(ctx, groups, (group) => group.id, (group) => presentGroup(group, ctx.orgUrl), PAGING);
}

function listAppTargets(ctx: RouteContext, ra: RoleAssignmentRecord): RouteResult {
  requireTargetKind(ra, "apps");
  // Newest first, as the one recorded multi-item list shows.
  const rendered = [...ra.appTargets]
    .sort((a, b) => b.seq - a.seq)
    .flatMap((target) => {
      const body = renderAppTarget(ctx, target);
      return body ? [{ seq: target.seq, body }] : [];
    });
  return pagedList(ctx, rendered, (item) => newestFirstKey(item.seq), (item) => item.body, PAGING);
}

function renderAppTarget(ctx: RouteContext, target: AppTarget): Record<string, unknown> | undefined {
  if (target.kind === "instance") {
    const app = ctx.state.apps.get(target.appId);
    return app && presentInstanceTarget(app, ctx.orgUrl);
  }
  const entry = catalogEntry(target.appName);
  return entry && presentCatalogApp(entry, ctx.orgUrl);
}

function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? "";
}
