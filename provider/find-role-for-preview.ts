// Finds a binding's role assignment during check, where "not assigned yet" is not an error.
import { OktaApiError } from "../sdk/errors";
import { Principal, RoleAssignment, RoleTargetsApi } from "../sdk/types";
import { BindingInputs } from "./binding-types";
import { describePrincipal } from "./principal-of";
import { InputFailure } from "./validate-inputs";

/** The role if the principal holds it now; a failure if the principal itself does not exist. */
export interface PreviewRole {
  readonly role?: RoleAssignment;
  readonly failure?: InputFailure;
}

const PRINCIPAL_FIELD = { user: "userId", group: "groupId", client: "clientId" } as const;

/**
 * Reads the role the binding names. A role that is not assigned yet yields no
 * role (another resource of the same run may assign it; apply says so if not);
 * an unknown user or client yields a failure on its field.
 */
export async function findRoleForPreview(
  api: RoleTargetsApi,
  principal: Principal,
  inputs: Pick<BindingInputs, "roleType" | "roleAssignmentId">,
): Promise<PreviewRole> {
  try {
    if (inputs.roleAssignmentId) return { role: await api.getRoleAssignment(principal, inputs.roleAssignmentId) };
    return { role: inputs.roleType ? await api.findRoleAssignment(principal, inputs.roleType) : undefined };
  } catch (err) {
    if (!(err instanceof OktaApiError && err.status === 404)) throw err;
    if (inputs.roleAssignmentId) return {};
    return {
      failure: {
        property: PRINCIPAL_FIELD[principal.kind],
        reason: `Okta has no ${principal.kind === "client" ? "OAuth client" : principal.kind} ${principal.id} in this org (404); check the id`,
      },
    };
  }
}

/** `HELP_DESK_ADMIN of user 00u…`, for messages. */
export function describeRoleOf(roleType: string, principal: Principal): string {
  return `${roleType} of ${describePrincipal(principal)}`;
}
