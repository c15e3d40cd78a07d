// Turns a binding's inputs into its claim, and two claims on one role and kind into the refusal a reviewer reads.
import { BindingInputs, BindingOutputs } from "./binding-types";
import { desiredRefs } from "./binding-refs";
import { Claim, ClaimedRole, bindingName } from "./claim-registry";
import { isUnknown } from "./id-rules";
import { describePrincipal, principalOf } from "./principal-of";
import { declaredTargets } from "./target-names";
import { targetKey } from "./target-ref";
import type { InputFailure } from "./validate-inputs";

/** The role the inputs select, as far as they say it. */
function roleOf(inputs: BindingInputs): ClaimedRole {
  return inputs.roleAssignmentId !== undefined ? { id: inputs.roleAssignmentId } : { type: inputs.roleType };
}

/**
 * The claim of validated inputs, or undefined while the principal, role or URN
 * is not known yet (an id of a resource this run creates): such a binding is
 * claimed again by the check of the update, when its values are known.
 */
export function claimOf(inputs: BindingInputs, olds?: BindingOutputs): Claim | undefined {
  const ids = [inputs.userId, inputs.groupId, inputs.clientId, inputs.roleType, inputs.roleAssignmentId, inputs.__urn];
  if (!inputs.__urn || ids.some((v) => isUnknown(v))) return undefined;
  const declared = declaredTargets(inputs, inputs.kind).known.map(({ ref }) => targetKey(ref));
  const principal = principalOf(inputs);
  const sameRole = olds && (inputs.roleAssignmentId ?? olds.roleAssignmentId) === olds.roleAssignmentId && (inputs.roleType ?? olds.roleType) === olds.roleType;
  const role = sameRole ? { type: olds.roleType, id: olds.roleAssignmentId } : roleOf(inputs);
  const samePrincipal = olds && olds.principalId === principal.id && olds.principalType === principal.kind;
  const kept = new Set(declared);
  const released = olds && sameRole && samePrincipal && olds.kind === inputs.kind ? desiredRefs(olds, olds.kind).map(targetKey).filter((k) => !kept.has(k)) : [];
  const ownsRole = inputs.assignRole === true;
  return { urn: inputs.__urn, principal, role, kind: inputs.kind, mode: inputs.mode ?? "authoritative", declared, released, ownsRole };
}

/**
 * Refuses a second owner of one role assignment: each owner's delete would
 * unassign the role, so the first destroy would take it from the other.
 */
export function ownerFailure(claim: Claim, owners: readonly Claim[]): InputFailure | undefined {
  const other = claim.ownsRole ? owners.find((o) => o.urn !== claim.urn) : undefined;
  if (!other) return undefined;
  const role = claim.role.type ?? other.role.type ?? `role assignment ${claim.role.id ?? other.role.id}`;
  return {
    property: "assignRole",
    reason:
      `bindings "${bindingName(claim.urn)}" and "${bindingName(other.urn)}" both set assignRole: true for ${role} on ` +
      `${describePrincipal(claim.principal)}. Only one binding may own a role assignment: the owner's destroy unassigns it, ` +
      `which would take the role from the other. Keep assignRole: true on one of them and remove it from the other. Nothing was changed.`,
  };
}

const KIND_WORDS = { group: "group targets", catalogApp: "catalog app targets", appInstance: "app instance targets" } as const;

/**
 * Refuses a claim that overlaps another on the same principal, role and kind
 * when either is authoritative: an authoritative binding removes every target
 * of its kind it does not declare, so the two would undo each other on every run.
 */
export function overlapFailure(claim: Claim, others: readonly Claim[]): InputFailure | undefined {
  const clash = others.find((o) => o.mode === "authoritative" || claim.mode === "authoritative");
  if (!clash) return undefined;
  const role = claim.role.type ?? clash.role.type ?? `role assignment ${claim.role.id ?? clash.role.id}`;
  const modes = `"${bindingName(claim.urn)}" is ${claim.mode} and "${bindingName(clash.urn)}" is ${clash.mode}`;
  return {
    property: "mode",
    reason:
      `bindings "${bindingName(claim.urn)}" and "${bindingName(clash.urn)}" both manage the ${KIND_WORDS[claim.kind]} of ${role} on ` +
      `${describePrincipal(claim.principal)} (${modes}). An authoritative binding removes every target it does not declare, ` +
      `so the two would undo each other on every run. Merge them into one binding, or set mode: "additive" on both. Nothing was changed.`,
  };
}
