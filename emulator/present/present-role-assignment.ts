// Renders a role assignment as Okta's StandardRole object.
import type { PrincipalRef, RoleAssignmentRecord } from "../domain/records";
import { roleTypeInfo } from "../domain/role-types";
import { oktaTime } from "../domain/time";

const ASSIGNMENT_TYPE = { user: "USER", group: "GROUP", client: "CLIENT" } as const;

/** The StandardRole JSON; `_links.assignee` points at the principal. */
export function presentRoleAssignment(ra: RoleAssignmentRecord, orgUrl: string): Record<string, unknown> {
  return {
    id: ra.id,
    label: roleTypeInfo(ra.type)?.label ?? ra.type,
    type: ra.type,
    status: "ACTIVE",
    created: oktaTime(ra.created),
    lastUpdated: oktaTime(ra.lastUpdated),
    assignmentType: ASSIGNMENT_TYPE[ra.principal.kind],
    _links: { assignee: { href: principalHref(ra.principal, orgUrl) } },
  };
}

/** The URL of a principal: /api/v1/users/{id}, /api/v1/groups/{id} or /oauth2/v1/clients/{id}. */
export function principalHref(principal: PrincipalRef, orgUrl: string): string {
  if (principal.kind === "user") return `${orgUrl}/api/v1/users/${principal.id}`;
  if (principal.kind === "group") return `${orgUrl}/api/v1/groups/${principal.id}`;
  return `${orgUrl}/oauth2/v1/clients/${principal.id}`;
}
