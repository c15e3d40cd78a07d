// Where each kind of principal keeps its role assignments.
import { apiPath } from "./api-path";
import type { Principal } from "./types";

/** The role-assignment collection path of a principal, such as `/api/v1/users/00u…/roles`. */
export function principalRolesPath(principal: Principal): string {
  switch (principal?.kind) {
    case "user":
      return apiPath`/api/v1/users/${principal.id}/roles`;
    case "group":
      return apiPath`/api/v1/groups/${principal.id}/roles`;
    case "client":
      return apiPath`/oauth2/v1/clients/${principal.id}/roles`;
    default:
      throw new TypeError(`Unknown principal kind ${JSON.stringify(principal?.kind)}: use "user", "group" or "client".`);
  }
}
