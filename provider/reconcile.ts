// Create and update share one path: read, plan, apply, read back.
import { OktaApiError } from "../sdk/errors";
import type { ListsAll } from "../sdk/list-catalog-apps";
import { AppDirectoryApi, Principal, RoleTargetsApi } from "../sdk/types";
import { applyOperations } from "./apply-operations";
import { conflictError } from "./conflict-error";
import { explainTargetError } from "./explain-target-error";
import { BindingMode, plan } from "./plan";
import { ObservedTargets, readTargets } from "./read-targets";
import { targetLookupsFor } from "./target-lookups";
import { ActualTargets, TargetKind, TargetRef, actualOfKind, describeTarget, targetKey } from "./target-ref";

/** The client surface reconciliation needs. */
export type ReconcileApi = RoleTargetsApi & AppDirectoryApi & ListsAll;

/** What one reconciliation needs to know. */
export interface ReconcileRequest {
  readonly principal: Principal;
  readonly roleAssignmentId: string;
  readonly kind: TargetKind;
  readonly mode: BindingMode;
  readonly desired: readonly TargetRef[];
  readonly owned: readonly TargetRef[];
}

/** Looks up catalog keys of instance targets the planner could not name (rare: foreign targets only). */
async function withResolvedNames(api: ReconcileApi, actual: ActualTargets, ids: readonly string[]): Promise<ActualTargets> {
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await api.getApp(id)).name);
  return {
    ...actual,
    appInstances: actual.appInstances.map((i) => (names.has(i.appId) ? { ...i, appName: names.get(i.appId) } : i)),
  };
}

/**
 * Adds every target it can, even after Okta answered 404 for one (a declared
 * group or app deleted in Okta), so a role left unscoped is narrowed again
 * before the run fails. Returns the targets Okta no longer has.
 */
async function addEachThatExists(api: ReconcileApi, req: ReconcileRequest, targets: readonly TargetRef[]): Promise<Missing[]> {
  const gone: Missing[] = [];
  const lookups = targetLookupsFor(api);
  for (const target of targets) {
    try {
      await applyOperations(api, req.principal, req.roleAssignmentId, [{ type: "add", target }]);
    } catch (err) {
      if (!(err instanceof OktaApiError && err.status === 404)) throw err;
      const explained = await explainTargetError(err, { type: "add", target }, lookups).catch(() => undefined);
      gone.push({ target, why: explained?.message });
    }
  }
  return gone;
}

/** A declared target Okta answered 404 for, with the mistake behind it when a look-up found one. */
interface Missing {
  readonly target: TargetRef;
  readonly why?: string;
}

function missingTargetsError(req: ReconcileRequest, added: number, gone: readonly Missing[]): Error {
  const field = req.kind === "group" ? "groupIds" : req.kind === "catalogApp" ? "appNames" : "apps";
  const them = gone.length === 1 ? "it" : "them";
  const explained = gone.flatMap((g) => (g.why ? [g.why] : []));
  return new Error(
    `Okta does not have ${gone.map((g) => describeTarget(g.target)).join(", ")} (404), so ${gone.length === 1 ? "it" : "they"} ` +
      `cannot be ${gone.length === 1 ? "a target" : "targets"}. ${explained.length ? `${explained.join(" ")} ` : ""}` +
      `${added > 0 ? `Added the ${added} declared target${added === 1 ? "" : "s"} that exist first, so the role is narrowed; ` : ""}` +
      `removed nothing. Fix or remove ${them} in ${field} and run \`pulumi up\` again.`,
  );
}

/**
 * Takes the role assignment's targets of `kind` to the desired set and returns
 * the targets as Okta then reports them. Throws, writing nothing, when a write
 * would silently replace targets the binding does not own.
 */
export async function reconcile(api: ReconcileApi, req: ReconcileRequest): Promise<ObservedTargets> {
  const read = () => readTargets(api, req.principal, req.roleAssignmentId, req.kind);
  const before = await read();
  const input = { kind: req.kind, mode: req.mode, desired: req.desired, owned: req.owned };
  let actual = before.actual;
  let p = plan({ ...input, actual });
  if (p.unresolved.length) {
    actual = await withResolvedNames(api, actual, p.unresolved);
    p = plan({ ...input, actual });
  }
  if (p.conflicts.length) throw conflictError(p.conflicts, before.summaries);
  const adds = p.operations.filter((op) => op.type === "add");
  const gone = await addEachThatExists(api, req, adds.map((op) => op.target));
  if (gone.length) throw missingTargetsError(req, adds.length - gone.length, gone);
  await applyOperations(api, req.principal, req.roleAssignmentId, p.operations.filter((op) => op.type !== "add"));
  if (!p.operations.some((op) => op.type === "add")) {
    const removed = new Set(p.operations.flatMap((op) => (op.type === "remove" ? [targetKey(op.target)] : [])));
    return {
      summaries: before.summaries,
      actual: {
        groups: actual.groups.filter((k) => !removed.has(k)),
        catalogApps: actual.catalogApps.filter((k) => !removed.has(k)),
        appInstances: actual.appInstances.filter((i) => !removed.has(i.appId)),
      },
    };
  }
  const after = await read();
  const present = new Set(actualOfKind(after.actual, req.kind).map(targetKey));
  const missing = req.desired.filter((d) => !present.has(targetKey(d)));
  if (missing.length) {
    throw new Error(
      `Okta did not keep ${missing.map(describeTarget).join(", ")} after assigning it; ` +
        "another change to this role assignment may have raced this one. Run `pulumi up --refresh` to converge.",
    );
  }
  return after;
}
