// The dynamic provider's methods for all three bindings; the kind comes from the inputs.
import type * as pulumi from "@pulumi/pulumi";
import { OktaApiError } from "../sdk/errors";
import { applyOperations } from "./apply-operations";
import { BindingInputs, BindingOutputs, RoleOrigin } from "./binding-types";
import { forBinding } from "./binding-context";
import { checkBinding } from "./check-binding";
import { desiredRefs } from "./binding-refs";
import { buildOutputs, managedRefs } from "./build-outputs";
import { diffBinding } from "./diff-binding";
import { planDelete } from "./plan-delete";
import { describePrincipal, principalOf } from "./principal-of";
import { readTargets } from "./read-targets";
import { ReconcileApi, reconcile } from "./reconcile";
import { resolveRole } from "./resolve-role";
import { KeyedLock } from "./keyed-lock";
import { claimOf, overlapFailure, ownerFailure } from "./binding-claims";
import { ClaimRegistry } from "./claim-registry";
import { roleKeptNotice, shareNotice } from "./claim-notices";
import { describeTarget, listSize, targetKey } from "./target-ref";
import { withSavedCredentialsHint } from "./saved-credentials-hint";
import { unscopedAlarm } from "./unscoped-alarm";
import { ownRole, withRoleUndone } from "./own-role";
import { ownerDeleteRefusal } from "./owner-delete";
import { rolesFor } from "./role-rules";

/** What the provider needs from its surroundings. */
export interface BindingProviderDeps {
  /** The Okta client for the configured org; throws, without a call, when org or credentials are missing. */
  api(): ReconcileApi;
  /** Shows a message about one binding to the person running Pulumi. */
  notify(inputs: BindingInputs, severity: "info" | "warning", message: string): void;
  /** Resolves after `ms` milliseconds; tests pass a clock they control. */
  sleep?(ms: number): Promise<void>;
}

/**
 * How long a create or update waits for a binding checked after it to release
 * a target its add would make Okta replace (a catalog app switched to instances
 * in one run). The engine checks the rest of the program within moments.
 */
export const RELEASE_WAIT_MS = 10_000;

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The inputs a program with these outputs would have set: no resolved-only fields. */
function inputsFromOutputs(o: BindingOutputs): BindingInputs {
  const { principalType: _t, principalId: _i, roleSelector, roleOrigin: _o, ...rest } = o;
  const inputs: BindingInputs = { ...rest };
  if (roleSelector === "roleAssignmentId") delete inputs.roleType;
  else delete inputs.roleAssignmentId;
  return inputs;
}

function bindingId(o: BindingOutputs): string {
  return `${o.kind}:${o.principalType}:${o.principalId}:${o.roleAssignmentId}`;
}

function isGone(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 404;
}

/** Okta's answer to removing a role's last target (the code is not documented; the status is). */
function isLastTargetRefusal(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 400;
}

/** Writes to one role assignment are serialized across all bindings this process serves. */
function roleKey(p: { kind: string; id: string }, roleAssignmentId: string): string {
  return `${p.kind}/${p.id}/${roleAssignmentId}`;
}

/** How often delete re-reads and re-plans after losing a race for the last target. */
const DELETE_ATTEMPTS = 3;

/** Implements check, diff, create, read, update and delete for the three bindings. */
export class BindingProvider implements pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> {
  private readonly lock = new KeyedLock();
  private readonly claims = new ClaimRegistry();
  private credentialsProof?: Promise<void>;

  constructor(private readonly deps: BindingProviderDeps) {}

  async check(olds: BindingInputs, news: BindingInputs): Promise<pulumi.dynamic.CheckResult<BindingInputs>> {
    const deps = {
      api: () => this.deps.api(),
      notify: this.deps.notify,
      proveCredentials: (probe: () => Promise<void>) => (this.credentialsProof ??= probe()),
      claim: (inputs: BindingInputs) => this.claim(inputs),
    };
    return forBinding(news, () => checkBinding(deps, olds, news));
  }

  /** Refuses an overlap with a live binding already claimed, else records the claim. */
  private claim(inputs: BindingInputs, olds?: BindingOutputs) {
    const claim = claimOf(inputs, olds);
    if (!claim) return undefined;
    const overlap = overlapFailure(claim, this.claims.onKind({ ...claim, except: claim.urn })) ?? ownerFailure(claim, this.claims.ownersOf({ ...claim, except: claim.urn }));
    if (!overlap) this.claims.record(claim);
    return overlap;
  }

  async diff(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.DiffResult> {
    this.claim(news, olds);
    const principal = principalOf(olds);
    const taken = this.claims.removedFrom(principal, olds.roleAssignmentId, olds.kind);
    return diffBinding(olds, news, taken);
  }

  async create(inputs: BindingInputs): Promise<pulumi.dynamic.CreateResult<BindingOutputs>> {
    const outs = await forBinding(inputs, () => this.apply(inputs, []));
    return { id: bindingId(outs), outs };
  }

  async update(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.UpdateResult<BindingOutputs>> {
    // The role cannot differ here (a role change replaces), so no lookup is needed.
    const role = { id: olds.roleAssignmentId, type: olds.roleType };
    // Setting assignRole on a live binding adopts the role it already scopes; clearing it gives the role up.
    const origin: RoleOrigin = olds.assignRole === true && olds.roleOrigin ? olds.roleOrigin : "adopted";
    return { outs: await forBinding(news, () => this.apply(news, desiredRefs(olds, olds.kind), { role, origin })) };
  }

  async read(id: string, props?: BindingOutputs): Promise<pulumi.dynamic.ReadResult<BindingOutputs>> {
    if (!props?.roleAssignmentId) return { id, props };
    return forBinding(props, () => this.readNow(id, props));
  }

  private async readNow(id: string, props: BindingOutputs): Promise<pulumi.dynamic.ReadResult<BindingOutputs>> {
    const principal = principalOf(props);
    try {
      const observed = await readTargets(this.deps.api(), principal, props.roleAssignmentId, props.kind);
      if (listSize(observed.actual, props.kind) === 0) this.deps.notify(props, "warning", unscopedAlarm(props));
      const managed = managedRefs(props, observed, desiredRefs(props, props.kind));
      const outs = buildOutputs(props, principal, { id: props.roleAssignmentId, type: props.roleType }, managed, observed.summaries);
      const inputs = inputsFromOutputs(outs);
      return { id, props: outs, inputs: inputs as BindingOutputs };
    } catch (err) {
      if (isGone(err)) return { id: "" };
      throw withSavedCredentialsHint(err);
    }
  }

  async delete(_id: string, props: BindingOutputs): Promise<void> {
    const principal = principalOf(props);
    try {
      const work = props.assignRole === true ? () => this.deleteOwnedRole(props) : () => this.removeTargets(props);
      await forBinding(props, () => this.lock.run(roleKey(principal, props.roleAssignmentId), work));
    } catch (err) {
      if (isGone(err)) return; // role assignment or principal already gone: nothing left to remove
      throw withSavedCredentialsHint(err);
    }
  }

  /**
   * The delete of a binding that owns its role (`assignRole: true`): unassigns
   * the role, whatever lastTarget says. If other live bindings of the program
   * use the role, it is not this delete's to take: when one of them owns it now
   * (assignRole moved to it), only this binding's targets are removed; when none
   * does, the delete refuses and changes nothing, so no binding is left on a
   * role that vanished under it and no role is left without an owner.
   */
  private async deleteOwnedRole(props: BindingOutputs): Promise<void> {
    const principal = principalOf(props);
    const scope = { principal, role: { type: props.roleType, id: props.roleAssignmentId } };
    const users = this.claims.onRole(scope);
    if (users.length > 0) {
      if (this.claims.ownersOf(scope).length > 0) return this.removeTargets(props);
      throw new Error(ownerDeleteRefusal(props, users));
    }
    await this.deps.api().unassignRole(principal, props.roleAssignmentId);
  }

  /**
   * Removes the binding's targets under the lastTarget policy. Another writer
   * (another stack, a person) can remove targets between our read and our
   * write; Okta then refuses our last removal with 400, and we read and plan again.
   */
  private async removeTargets(props: BindingOutputs): Promise<void> {
    const api = this.deps.api();
    const principal = principalOf(props);
    // A delete runs after the engine checked every binding of the program, so every live claim is known;
    // a replacement of this binding is live under the same URN, so no claim is left out.
    const scope = { principal, role: { type: props.roleType, id: props.roleAssignmentId } };
    const users = this.claims.onRole(scope);
    for (let attempt = 1; ; attempt++) {
      const observed = await readTargets(api, principal, props.roleAssignmentId, props.kind);
      const dp = planDelete({
        kind: props.kind,
        targets: desiredRefs(props, props.kind),
        actual: observed.actual,
        lastTarget: props.lastTarget ?? "retain",
        claimedByOthers: [...this.claims.claimedKeys({ ...scope, kind: props.kind })],
        roleUsedByOthers: users.length > 0,
      });
      if (dp.refused) throw new Error(this.refusal(props, dp.refused.map(describeTarget)));
      try {
        await applyOperations(api, principal, props.roleAssignmentId, dp.operations);
      } catch (err) {
        if (isLastTargetRefusal(err) && attempt < DELETE_ATTEMPTS) continue;
        throw err;
      }
      if (dp.shared?.length) this.deps.notify(props, "info", shareNotice(props, dp.shared, this.claims.onKind({ ...scope, kind: props.kind })));
      if (dp.retained) {
        const name = observed.summaries.get(targetKey(dp.retained))?.displayName;
        const target = `${describeTarget(dp.retained)}${name ? ` "${name}"` : ""}`;
        this.deps.notify(props, "warning", dp.roleKept ? roleKeptNotice(props, target, users) : this.retention(props, target));
      }
      return;
    }
  }

  private refusal(props: BindingOutputs, targets: string[]): string {
    return (
      `refusing to delete: ${targets.join(", ")} ${targets.length > 1 ? "are" : "is"} the last ` +
      `target(s) of ${props.roleType} on ${describePrincipal(principalOf(props))}, and Okta would then apply the role to ALL ` +
      `${props.kind === "group" ? "groups" : "apps"}. lastTarget is "fail". Add another target first, set ` +
      `lastTarget: "retain" to keep one, or "unassignRole" to remove the role assignment itself.`
    );
  }

  private retention(props: BindingOutputs, target: string): string {
    return (
      `kept ${target} on ${props.roleType} of ${describePrincipal(principalOf(props))}: it is the role's last target, and removing it ` +
      `would widen the role to ALL ${props.kind === "group" ? "groups" : "apps"}. The role stays narrowly scoped. ` +
      `To remove the role itself, set lastTarget: "unassignRole" before destroying.`
    );
  }

  /**
   * The role a create works on: with assignRole, assigned and scoped to the
   * first target at once (or adopted when held); else the one the program names.
   * Both run under one lock per principal, so no other binding this process
   * serves can find a role an owner just assigned before its first target is on.
   */
  private async roleFor(api: ReturnType<BindingProviderDeps["api"]>, inputs: BindingInputs, desired: ReturnType<typeof desiredRefs>): Promise<{ role: { id: string; type: string }; origin?: RoleOrigin }> {
    const principal = principalOf(inputs);
    const owns = inputs.assignRole === true && !!inputs.roleType && desired.length > 0 && rolesFor(inputs.kind).includes(inputs.roleType);
    return this.lock.run(`resolve/${principal.kind}/${principal.id}`, async () =>
      owns
        ? ownRole(api, { principal, roleType: inputs.roleType!, kind: inputs.kind, first: desired[0] })
        : { role: await resolveRole(api, principal, inputs, inputs.kind) },
    );
  }

  private async apply(
    inputs: BindingInputs,
    owned: ReturnType<typeof desiredRefs>,
    known?: { role: { id: string; type: string }; origin: RoleOrigin },
  ): Promise<BindingOutputs> {
    const api = this.deps.api();
    const principal = principalOf(inputs);
    const desired = desiredRefs(inputs, inputs.kind);
    const found = known ?? (await this.roleFor(api, inputs, desired));
    const role = found.role;
    const origin = inputs.assignRole === true ? found.origin ?? "adopted" : undefined;
    try {
      const outs = await this.scope(api, inputs, owned, desired, role);
      return origin ? { ...outs, roleOrigin: origin } : outs;
    } catch (err) {
      // All or nothing: a create that assigned the role and then failed takes the role back too.
      if (!known && found.origin === "assigned") throw await withRoleUndone(api, principal, role, err);
      throw err;
    }
  }

  private async scope(
    api: ReturnType<BindingProviderDeps["api"]>,
    inputs: BindingInputs,
    owned: ReturnType<typeof desiredRefs>,
    desired: ReturnType<typeof desiredRefs>,
    role: { id: string; type: string },
  ): Promise<BindingOutputs> {
    const principal = principalOf(inputs);
    if (inputs.__urn) this.claims.learnRole(inputs.__urn, role);
    const scope = { principal, role, except: inputs.__urn };
    const released = () => [...this.claims.releasedKeys(scope, "catalogApp"), ...this.claims.releasedKeys(scope, "appInstance")];
    const observed = await this.lock.run(roleKey(principal, role.id), () => reconcile(api, {
      principal,
      roleAssignmentId: role.id,
      kind: inputs.kind,
      mode: inputs.mode ?? "authoritative",
      desired,
      owned,
      claimedByOthers: [...this.claims.claimedKeys({ ...scope, kind: inputs.kind })],
      releasedByOthers: released(),
      awaitRelease: async (keys) => {
        const ready = () => keys.every((k) => released().includes(k));
        return (await this.claims.waitFor(ready, (this.deps.sleep ?? sleepFor)(RELEASE_WAIT_MS))) ? released() : undefined;
      },
      onRemoved: (target) => this.claims.noteRemoved(principal, role.id, inputs.kind, [targetKey(target)]),
    }));
    return buildOutputs(inputs, principal, role, managedRefs(inputs, observed, [...owned, ...desired]), observed.summaries);
  }
}
