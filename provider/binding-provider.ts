// The dynamic provider's methods for all three bindings; the kind comes from the inputs.
import type * as pulumi from "@pulumi/pulumi";
import { OktaApiError } from "../sdk/errors";
import { applyOperations } from "./apply-operations";
import { BindingInputs, BindingOutputs } from "./binding-types";
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
import { describeTarget, listSize, targetKey } from "./target-ref";
import { withSavedCredentialsHint } from "./saved-credentials-hint";
import { unscopedAlarm } from "./unscoped-alarm";

/** What the provider needs from its surroundings. */
export interface BindingProviderDeps {
  /** The Okta client for the configured org; throws, without a call, when org or credentials are missing. */
  api(): ReconcileApi;
  /** Shows a message about one binding to the person running Pulumi. */
  notify(inputs: BindingInputs, severity: "info" | "warning", message: string): void;
}

/** The inputs a program with these outputs would have set: no resolved-only fields. */
function inputsFromOutputs(o: BindingOutputs): BindingInputs {
  const { principalType: _t, principalId: _i, roleSelector, ...rest } = o;
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
  private credentialsProof?: Promise<void>;

  constructor(private readonly deps: BindingProviderDeps) {}

  async check(olds: BindingInputs, news: BindingInputs): Promise<pulumi.dynamic.CheckResult<BindingInputs>> {
    const deps = {
      api: () => this.deps.api(),
      notify: this.deps.notify,
      proveCredentials: (probe: () => Promise<void>) => (this.credentialsProof ??= probe()),
    };
    return forBinding(news, () => checkBinding(deps, olds, news));
  }

  async diff(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffBinding(olds, news);
  }

  async create(inputs: BindingInputs): Promise<pulumi.dynamic.CreateResult<BindingOutputs>> {
    const outs = await forBinding(inputs, () => this.apply(inputs, []));
    return { id: bindingId(outs), outs };
  }

  async update(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.UpdateResult<BindingOutputs>> {
    // The role cannot differ here (a role change replaces), so no lookup is needed.
    const role = { id: olds.roleAssignmentId, type: olds.roleType };
    return { outs: await forBinding(news, () => this.apply(news, desiredRefs(olds, olds.kind), role)) };
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
      await forBinding(props, () => this.lock.run(roleKey(principal, props.roleAssignmentId), () => this.removeTargets(props)));
    } catch (err) {
      if (isGone(err)) return; // role assignment or principal already gone: nothing left to remove
      throw withSavedCredentialsHint(err);
    }
  }

  /**
   * Removes the binding's targets under the lastTarget policy. Another writer
   * (another stack, a person) can remove targets between our read and our
   * write; Okta then refuses our last removal with 400, and we read and plan again.
   */
  private async removeTargets(props: BindingOutputs): Promise<void> {
    const api = this.deps.api();
    const principal = principalOf(props);
    for (let attempt = 1; ; attempt++) {
      const observed = await readTargets(api, principal, props.roleAssignmentId, props.kind);
      const dp = planDelete({
        kind: props.kind,
        targets: desiredRefs(props, props.kind),
        actual: observed.actual,
        lastTarget: props.lastTarget ?? "retain",
      });
      if (dp.refused) throw new Error(this.refusal(props, dp.refused.map(describeTarget)));
      try {
        await applyOperations(api, principal, props.roleAssignmentId, dp.operations);
      } catch (err) {
        if (isLastTargetRefusal(err) && attempt < DELETE_ATTEMPTS) continue;
        throw err;
      }
      if (dp.retained) {
        const name = observed.summaries.get(targetKey(dp.retained))?.displayName;
        this.deps.notify(props, "warning", this.retention(props, `${describeTarget(dp.retained)}${name ? ` "${name}"` : ""}`));
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

  private async apply(
    inputs: BindingInputs,
    owned: ReturnType<typeof desiredRefs>,
    knownRole?: { id: string; type: string },
  ): Promise<BindingOutputs> {
    const api = this.deps.api();
    const principal = principalOf(inputs);
    const role = knownRole ?? (await resolveRole(api, principal, inputs, inputs.kind));
    const desired = desiredRefs(inputs, inputs.kind);
    const observed = await this.lock.run(roleKey(principal, role.id), () => reconcile(api, {
      principal,
      roleAssignmentId: role.id,
      kind: inputs.kind,
      mode: inputs.mode ?? "authoritative",
      desired,
      owned,
    }));
    return buildOutputs(inputs, principal, role, managedRefs(inputs, observed, [...owned, ...desired]), observed.summaries);
  }
}
