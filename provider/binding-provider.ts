// The dynamic provider's methods for all three bindings; the kind comes from the inputs.
import type * as pulumi from "@pulumi/pulumi";
import { OktaApiError } from "../sdk/errors";
import { applyOperations } from "./apply-operations";
import { BindingInputs, BindingOutputs } from "./binding-types";
import { desiredRefs } from "./binding-refs";
import { buildOutputs, managedRefs } from "./build-outputs";
import { diffBinding } from "./diff-binding";
import { planDelete } from "./plan-delete";
import { describePrincipal, principalOf } from "./principal-of";
import { readTargets } from "./read-targets";
import { ReconcileApi, reconcile } from "./reconcile";
import { resolveRole } from "./resolve-role";
import { describeTarget } from "./target-ref";
import { validateInputs } from "./validate-inputs";

/** What the provider needs from its surroundings. */
export interface BindingProviderDeps {
  /** The Okta client for the configured org; created lazily so `check` never needs credentials. */
  api(): ReconcileApi;
  /** Shows a warning to the person running Pulumi. */
  warn(message: string): void;
}

function bindingId(o: BindingOutputs): string {
  return `${o.kind}:${o.principalType}:${o.principalId}:${o.roleAssignmentId}`;
}

function isGone(err: unknown): boolean {
  return err instanceof OktaApiError && err.status === 404;
}

/** Implements check, diff, create, read, update and delete for the three bindings. */
export class BindingProvider implements pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> {
  constructor(private readonly deps: BindingProviderDeps) {}

  async check(_olds: BindingInputs, news: BindingInputs): Promise<pulumi.dynamic.CheckResult<BindingInputs>> {
    const failures = validateInputs(news, news.kind);
    return failures.length ? { failures } : { inputs: news };
  }

  async diff(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffBinding(olds, news);
  }

  async create(inputs: BindingInputs): Promise<pulumi.dynamic.CreateResult<BindingOutputs>> {
    const outs = await this.apply(inputs, []);
    return { id: bindingId(outs), outs };
  }

  async update(_id: string, olds: BindingOutputs, news: BindingInputs): Promise<pulumi.dynamic.UpdateResult<BindingOutputs>> {
    // The role cannot differ here (a role change replaces), so no lookup is needed.
    const role = { id: olds.roleAssignmentId, type: olds.roleType };
    return { outs: await this.apply(news, desiredRefs(olds, olds.kind), role) };
  }

  async read(id: string, props?: BindingOutputs): Promise<pulumi.dynamic.ReadResult<BindingOutputs>> {
    if (!props?.roleAssignmentId) return { id, props };
    const principal = principalOf(props);
    try {
      const observed = await readTargets(this.deps.api(), principal, props.roleAssignmentId, props.kind);
      const managed = managedRefs(props, observed, desiredRefs(props, props.kind));
      const outs = buildOutputs(props, principal, { id: props.roleAssignmentId, type: props.roleType }, managed, observed.summaries);
      const { principalType: _t, principalId: _i, targets: _g, ...inputs } = outs;
      return { id, props: outs, inputs: inputs as BindingOutputs };
    } catch (err) {
      if (isGone(err)) return { id: "" };
      throw err;
    }
  }

  async delete(_id: string, props: BindingOutputs): Promise<void> {
    const api = this.deps.api();
    const principal = principalOf(props);
    const who = describePrincipal(principal);
    try {
      const observed = await readTargets(api, principal, props.roleAssignmentId, props.kind);
      const lastTarget = props.lastTarget ?? "retain";
      const dp = planDelete({ kind: props.kind, targets: desiredRefs(props, props.kind), actual: observed.actual, lastTarget });
      if (dp.refused) {
        throw new Error(
          `refusing to delete: ${dp.refused.map(describeTarget).join(", ")} ${dp.refused.length > 1 ? "are" : "is"} the last ` +
            `target(s) of ${props.roleType} on ${who}, and Okta would then apply the role to ALL ` +
            `${props.kind === "group" ? "groups" : "apps"}. lastTarget is "fail". Add another target first, set ` +
            `lastTarget: "retain" to keep one, or "unassignRole" to remove the role assignment itself.`,
        );
      }
      await applyOperations(api, principal, props.roleAssignmentId, dp.operations);
      if (dp.retained) {
        this.deps.warn(
          `kept ${describeTarget(dp.retained)} on ${props.roleType} of ${who}: it is the role's last target, and removing it ` +
            `would widen the role to ALL ${props.kind === "group" ? "groups" : "apps"}. The role stays narrowly scoped. ` +
            `To remove the role itself, set lastTarget: "unassignRole" before destroying.`,
        );
      }
    } catch (err) {
      if (isGone(err)) return; // role assignment or principal already gone: nothing left to remove
      throw err;
    }
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
    const observed = await reconcile(api, {
      principal,
      roleAssignmentId: role.id,
      kind: inputs.kind,
      mode: inputs.mode ?? "authoritative",
      desired,
      owned,
    });
    return buildOutputs(inputs, principal, role, managedRefs(inputs, observed, [...owned, ...desired]), observed.summaries);
  }
}
