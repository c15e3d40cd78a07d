// The three principal kinds' base paths, and lookups that answer Okta's 404s for each.
import type { PrincipalKind, PrincipalRef, RoleAssignmentRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import type { RouteContext } from "./route";

/** A principal kind with its Okta base path and path parameter name. */
export interface PrincipalPath {
  readonly kind: PrincipalKind;
  /** e.g. `/api/v1/users/{userId}` */
  readonly base: string;
  readonly param: string;
  /** The type name in Okta's 404 summary, e.g. `User`. */
  readonly notFoundType: string;
}

/** Users, groups and OAuth clients: the three bases under which roles and targets live. */
export const PRINCIPAL_PATHS: readonly PrincipalPath[] = [
  { kind: "user", base: "/api/v1/users/{userId}", param: "userId", notFoundType: "User" },
  { kind: "group", base: "/api/v1/groups/{groupId}", param: "groupId", notFoundType: "UserGroup" },
  { kind: "client", base: "/oauth2/v1/clients/{clientId}", param: "clientId", notFoundType: "Client" },
];

/** The request's principal; 404 E0000007 when it does not exist. */
export function requirePrincipal(ctx: RouteContext, path: PrincipalPath): PrincipalRef {
  const principal: PrincipalRef = { kind: path.kind, id: ctx.params[path.param] ?? "" };
  if (!ctx.state.principalExists(principal)) throw notFound(principal.id, path.notFoundType);
  return principal;
}

/** The request's role assignment (path param `roleAssignmentId`); 404 E0000007 when absent. */
export function requireAssignment(ctx: RouteContext, path: PrincipalPath): RoleAssignmentRecord {
  const principal = requirePrincipal(ctx, path);
  const id = ctx.params.roleAssignmentId ?? "";
  const assignment = ctx.state.findAssignment(principal, id);
  if (!assignment) throw notFound(id, "RoleAssignment");
  return assignment;
}
