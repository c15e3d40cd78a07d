// The provider's check: validate, refuse missing config, name the targets, and preview what a create adopts.
import type * as pulumi from "@pulumi/pulumi";
import { Principal } from "../sdk/types";
import { BindingInputs, TargetSummary } from "./binding-types";
import { describeAdoption } from "./describe-adoption";
import { isUnknown } from "./id-rules";
import { lookUpTargetNames } from "./lookup-target-names";
import { describePrincipal, principalOf } from "./principal-of";
import { rolesFor } from "./role-rules";
import { readTargets } from "./read-targets";
import { ReconcileApi } from "./reconcile";
import { describeRoleOf, findRoleForPreview } from "./find-role-for-preview";
import { DeclaredTargets, TargetNames, declaredTargets, observedTargetNames, plannedTargetNames, unnamedTargets } from "./target-names";
import { actualOfKind, describeTarget, listSize, targetKey } from "./target-ref";
import { InputFailure, validateInputs } from "./validate-inputs";

/** What check needs from the provider. */
export interface CheckDeps {
  /** The configured client; throws (without a call) when the org or credentials are missing. */
  api(): ReconcileApi;
  /** Shows a message about this binding to the person running Pulumi. */
  notify(inputs: BindingInputs, severity: "info" | "warning", message: string): void;
  /** Runs `probe` once per provider process, so a run proves its credentials with at most one call. */
  proveCredentials(probe: () => Promise<void>): Promise<void>;
  /** Records what the binding declares, refusing (before any call) an overlap with another live binding. */
  claim(news: BindingInputs): InputFailure | undefined;
}

function knownPrincipal(inputs: BindingInputs): Principal | undefined {
  const ids = [inputs.userId, inputs.groupId, inputs.clientId];
  if (ids.some((v) => isUnknown(v))) return undefined;
  try {
    return principalOf(inputs);
  } catch {
    return undefined;
  }
}

/** The targets output as the plan expects it after apply: the declared ones, named. */
function plannedSummaries(declared: DeclaredTargets, names: TargetNames): TargetSummary[] {
  return declared.known.map(({ ref }) => {
    const key = targetKey(ref);
    const shown = names[key] ?? key;
    if (ref.kind === "catalogApp") return { name: key, displayName: shown };
    // Okta lists an instance by its label; the map adds the catalog key after it.
    const name = ref.kind === "appInstance" && shown.endsWith(` (${ref.appName})`) ? shown.slice(0, -ref.appName.length - 3) : shown;
    return { id: key, name, displayName: name };
  });
}

/**
 * Validates the inputs and claims the declared targets (refusing an overlap
 * with another live binding), then (with zero calls for a binding whose targets are
 * unchanged) returns them with `targetNames`, the id → name map the engine
 * shows key by key, and `targets` as planned. A create also reads the role's
 * current targets and says which it adopts or removes. Each run proves its
 * credentials with at least one call, so a drift check cannot pass on stale ones.
 */
export async function checkBinding(
  deps: CheckDeps,
  olds: Partial<BindingInputs>,
  news: BindingInputs,
): Promise<pulumi.dynamic.CheckResult<BindingInputs>> {
  const failures = validateInputs(news, news.kind);
  if (failures.length) return { failures };
  const overlap = deps.claim(news);
  if (overlap) return { failures: [overlap] };
  const api = deps.api(); // refuses missing config at preview, before any call
  const declared = declaredTargets(news, news.kind);
  const previous = olds.targetNames && typeof olds.targetNames === "object" ? olds.targetNames : undefined;
  // A target this binding already declared that Okta no longer has is drift, for apply to report
  // after it restores the rest; an id new to the binding that Okta does not know is a mistake.
  const wasDeclared = new Set(olds.__declared ?? Object.keys(previous ?? {}));
  const looked = await lookUpTargetNames(api, unnamedTargets(declared, previous), wasDeclared);
  if (looked.failures.length) return { failures: looked.failures };
  if (looked.gone.length) {
    deps.notify(news, "warning", `Okta no longer has ${looked.gone.join(", ")}, declared here: apply adds the other declared targets first, then fails naming ${looked.gone.length === 1 ? "it" : "them"}`);
  }
  if (looked.missingScopes.length) {
    deps.notify(news, "info", `shows ids instead of names: the credentials lack ${looked.missingScopes.join(" and ")}`);
  }
  const principal = knownPrincipal(news);
  if (principal && olds.kind === undefined) {
    const failure = await previewAdoption(deps, api, principal, news, declared);
    if (failure) return { failures: [failure] };
  }
  if (principal || looked.calls > 0) {
    await deps.proveCredentials(async () => {
      if (looked.calls === 0 && olds.kind !== undefined && principal) await api.listRoleAssignments(principal);
    });
  }
  const targetNames = declared.wholeSetUnknown ? news.targetNames : plannedTargetNames(declared, previous, looked.names);
  const targets = declared.wholeSetUnknown ? news.targets : plannedSummaries(declared, targetNames ?? {});
  const __declared = declared.wholeSetUnknown ? undefined : declared.known.map(({ ref }) => targetKey(ref));
  return { inputs: { ...news, targetNames, targets, ...(__declared ? { __declared } : {}) } };
}

/** Reads the role's targets now and tells the person what the create will adopt or remove. */
async function previewAdoption(
  deps: CheckDeps,
  api: ReconcileApi,
  principal: Principal,
  inputs: BindingInputs,
  declared: DeclaredTargets,
): Promise<InputFailure | undefined> {
  const { role, failure } = await findRoleForPreview(api, principal, inputs);
  if (!role && !failure && inputs.assignRole === true && declared.known.length) {
    deps.notify(inputs, "info", assignNotice(inputs, principal, declared));
  }
  if (!role) return failure; // not assigned yet: another resource of this run may assign it; apply will say if not
  const allowed = rolesFor(inputs.kind);
  if (!allowed.includes(role.type)) {
    return {
      property: inputs.roleAssignmentId ? "roleAssignmentId" : "roleType",
      reason: `role assignment ${role.id} of ${describePrincipal(principal)} is ${role.type}, which does not take ${inputs.kind === "group" ? "group" : "app"} targets; use a role of type ${allowed.join(" or ")}`,
    };
  }
  const observed = await readTargets(api, principal, role.id, inputs.kind);
  const notice = describeAdoption({
    kind: inputs.kind,
    mode: inputs.mode ?? "authoritative",
    role: describeRoleOf(role.type, principal),
    desired: declared.known.map((d) => d.ref),
    actual: observed.actual,
    names: observedTargetNames(actualOfKind(observed.actual, inputs.kind), observed.summaries),
  });
  if (notice) deps.notify(inputs, notice.severity, notice.message);
  if (inputs.assignRole === true) {
    const who = describeRoleOf(role.type, principal);
    if (listSize(observed.actual, inputs.kind) === 0) {
      deps.notify(
        inputs,
        "warning",
        `${who} is assigned but has no ${inputs.kind === "group" ? "group" : "app"} targets, so it applies to ALL ` +
          `${inputs.kind === "group" ? "groups" : "apps"} right now (an earlier create with assignRole may have stopped between assigning ` +
          `the role and scoping it). This create adopts the role and adds the declared targets before anything else.`,
      );
    }
    deps.notify(inputs, "info", `assignRole: ${who} is already assigned; this binding adopts the role assignment and owns it from now on: destroy unassigns it.`);
  }
  return undefined;
}

/** What a create with assignRole does when the principal does not hold the role yet. */
function assignNotice(inputs: BindingInputs, principal: Principal, declared: DeclaredTargets): string {
  const first = declared.known[0].ref;
  return (
    `assignRole: assigns ${inputs.roleType} to ${describePrincipal(principal)} and adds ${describeTarget(first)} as its first target ` +
    `before any other request to the role; destroy unassigns it.`
  );
}
