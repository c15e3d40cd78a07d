// assignRole: assigns a binding's role and scopes it to its first target before any other request to that role, or adopts a role already held.
import { OktaApiError } from "../sdk/errors";
import { Principal, RoleAssignment } from "../sdk/types";
import { applyOperations } from "./apply-operations";
import { RoleOrigin } from "./binding-types";
import { explainTargetError } from "./explain-target-error";
import { describePrincipal } from "./principal-of";
import { ReconcileApi } from "./reconcile";
import { rolesFor } from "./role-rules";
import { targetLookupsFor } from "./target-lookups";
import { TargetKind, TargetRef, describeTarget } from "./target-ref";

/** The role a binding with `assignRole` owns, and whether its create assigned it. */
export interface OwnedRole {
  readonly role: RoleAssignment;
  readonly origin: RoleOrigin;
}

/** What {@link ownRole} needs. */
export interface OwnRoleRequest {
  readonly principal: Principal;
  readonly roleType: string;
  readonly kind: TargetKind;
  /** The first declared target: added right after the role is assigned, before anything else. */
  readonly first: TargetRef;
}

function isAlreadyAssigned(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 409;
}

/**
 * Adopts the role if the principal holds it already; otherwise assigns it and
 * at once adds `first`, so the only moment the role has no target is the one
 * round trip between the two writes. If that add fails, the role is unassigned
 * again before the error is thrown, and the error says so.
 */
export async function ownRole(api: ReconcileApi, req: OwnRoleRequest): Promise<OwnedRole> {
  const held = await api.findRoleAssignment(req.principal, req.roleType);
  if (held) return { role: held, origin: "adopted" };
  let role: RoleAssignment;
  try {
    role = await api.assignRole(req.principal, req.roleType);
  } catch (err) {
    // Someone assigned it between our list and our POST: adopt it, as if the list had shown it.
    const now = isAlreadyAssigned(err) ? await api.findRoleAssignment(req.principal, req.roleType) : undefined;
    if (now) return { role: now, origin: "adopted" };
    throw err;
  }
  try {
    await applyOperations(api, req.principal, role.id, [{ type: "add", target: req.first }]);
  } catch (err) {
    const explained = err instanceof OktaApiError && err.status === 404
      ? await explainTargetError(err, { type: "add", target: req.first }, targetLookupsFor(api)).catch(() => undefined)
      : undefined;
    const field = req.kind === "group" ? "groupIds" : req.kind === "catalogApp" ? "appNames" : "apps";
    const notFound = err instanceof OktaApiError && err.status === 404 ? `Okta does not have it (404); fix or remove it in ${field} and run \`pulumi up\` again` : undefined;
    const cause = explained?.message ?? notFound ?? (err instanceof Error ? err.message : String(err));
    const why = new Error(`could not add ${describeTarget(req.first)}, the first declared target, to the ${req.roleType} role this binding had just assigned: ${cause}`);
    throw await withRoleUndone(api, req.principal, role, why);
  }
  return { role, origin: "assigned" };
}

/**
 * Unassigns a role this create assigned, after a later step of the create
 * failed, and appends what was undone (or what could not be) to the error.
 */
export async function withRoleUndone(api: ReconcileApi, principal: Principal, role: Pick<RoleAssignment, "id" | "type">, err: unknown): Promise<unknown> {
  const who = describePrincipal(principal);
  let line: string;
  try {
    await api.unassignRole(principal, role.id);
    line = `Unassigned ${role.type} from ${who} again: this create had assigned it, so ${who} holds no ${role.type}, as before the run.`;
  } catch (undoErr) {
    const all = rolesFor("group").includes(role.type) ? "groups" : "apps";
    line =
      `Could not unassign ${role.type} (${role.id}) from ${who} again (${(undoErr as Error).message.split("\n")[0]}). ` +
      `If it has no targets it applies to ALL ${all}: run \`pulumi up\` again (the binding adopts the role and scopes it first) ` +
      `or unassign it in Okta.`;
  }
  if (err instanceof Error) {
    err.message = `${err.message}\n${line}`;
    return err;
  }
  return new Error(`${String(err)}\n${line}`);
}
