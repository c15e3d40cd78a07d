// Role-assignment endpoints for users, groups and clients: list, assign, get, unassign.
import { assignRole } from "../domain/role-assignments";
import { isObject } from "../domain/json-input";
import { presentRoleAssignment } from "../present/present-role-assignment";
import { PRINCIPAL_PATHS, requireAssignment, requirePrincipal, type PrincipalPath } from "./principal-paths";
import { apiRouteMaker, json, noContent, type Route } from "./route";

const route = apiRouteMaker("role-assignments", "roles");

/** GET/POST {base}/roles and GET/DELETE {base}/roles/{roleAssignmentId} for every principal kind. */
export function roleAssignmentRoutes(): Route[] {
  return PRINCIPAL_PATHS.flatMap((path) => routesFor(path));
}

function routesFor(path: PrincipalPath): Route[] {
  const roles = `${path.base}/roles`;
  const one = `${roles}/{roleAssignmentId}`;
  return [
    route("GET", roles, (ctx) => {
      // Quirk from live traffic: an unknown group has no roles rather than a 404.
      if (path.kind === "group" && !ctx.state.groups.has(ctx.params.groupId ?? "")) return json(200, []);
      const principal = requirePrincipal(ctx, path);
      // A user's list also holds the roles of the user's groups (assignmentType GROUP, assignee the group).
      const held = path.kind === "user" ? [...ctx.state.assignmentsOf(principal), ...ctx.state.groupHeldAssignmentsOf(principal.id)] : ctx.state.assignmentsOf(principal);
      // Role assignment lists are not paged and carry no Link header.
      return json(200, held.map((ra) => presentRoleAssignment(ra, ctx.orgUrl)));
    }),
    route("POST", roles, (ctx) => {
      const principal = requirePrincipal(ctx, path);
      const type = isObject(ctx.body) ? ctx.body.type : undefined;
      return json(201, presentRoleAssignment(assignRole(ctx.state, principal, type, ctx.now), ctx.orgUrl));
    }),
    route("GET", one, (ctx) => json(200, presentRoleAssignment(requireAssignment(ctx, path), ctx.orgUrl))),
    route("DELETE", one, (ctx) => {
      ctx.state.removeAssignment(requireAssignment(ctx, path));
      return noContent();
    }),
  ];
}
