// Create and update share one path: read, plan, apply, read back.
import { OktaApiError } from "../sdk/errors";
import type { ListsAll } from "../sdk/list-catalog-apps";
import { AppDirectoryApi, Principal, RoleTargetsApi } from "../sdk/types";
import { applyOperations } from "./apply-operations";
import { conflictError } from "./conflict-error";
import { explainTargetError } from "./explain-target-error";
import { BindingMode, Plan, plan } from "./plan";
import { ObservedTargets, readTargets } from "./read-targets";
import { targetLookupsFor } from "./target-lookups";
import { ActualTargets, TargetKind, TargetRef, actualOfKind, describeTarget, listSize, targetKey } from "./target-ref";
import { undoAdds } from "./undo-adds";

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
  /** Keys of `kind` other live bindings declare: never removed. */
  readonly claimedByOthers?: readonly string[];
  /** Keys live bindings released in this run: an add may let Okta replace them. */
  readonly releasedByOthers?: readonly string[];
  /**
   * Waits for live bindings to release `keys` (a binding checked after this one
   * may drop the catalog target an instance add replaces); resolves with the
   * released keys then, or undefined when they were not released in time.
   */
  readonly awaitRelease?: (keys: readonly string[]) => Promise<readonly string[] | undefined>;
  /** Told of each target this reconciliation removed. */
  readonly onRemoved?: (target: TargetRef) => void;
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
 * before the run fails. Records each add in `added`; returns the targets Okta no longer has.
 */
async function addEachThatExists(api: ReconcileApi, req: ReconcileRequest, targets: readonly TargetRef[], added: TargetRef[]): Promise<Missing[]> {
  const gone: Missing[] = [];
  const lookups = targetLookupsFor(api);
  for (const target of targets) {
    try {
      await applyOperations(api, req.principal, req.roleAssignmentId, [{ type: "add", target }]);
      added.push(target);
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

function missingTargetsError(req: ReconcileRequest, gone: readonly Missing[]): Error {
  const field = req.kind === "group" ? "groupIds" : req.kind === "catalogApp" ? "appNames" : "apps";
  const them = gone.length === 1 ? "it" : "them";
  const explained = gone.flatMap((g) => (g.why ? [g.why] : []));
  return new Error(
    `Okta does not have ${gone.map((g) => describeTarget(g.target)).join(", ")} (404), so ${gone.length === 1 ? "it" : "they"} ` +
      `cannot be ${gone.length === 1 ? "a target" : "targets"}. ${explained.length ? `${explained.join(" ")} ` : ""}` +
      `Fix or remove ${them} in ${field} and run \`pulumi up\` again.`,
  );
}

/** Plans, naming unnamed instances and waiting (when asked) for live bindings to release what an add would replace. */
async function planFor(api: ReconcileApi, req: ReconcileRequest, observed: ActualTargets): Promise<{ p: Plan; actual: ActualTargets }> {
  const input = { kind: req.kind, mode: req.mode, desired: req.desired, owned: req.owned, claimedByOthers: req.claimedByOthers, releasedByOthers: req.releasedByOthers };
  let actual = observed;
  let p = plan({ ...input, actual });
  if (p.unresolved.length) {
    actual = await withResolvedNames(api, actual, p.unresolved);
    p = plan({ ...input, actual });
  }
  if (p.conflicts.length && req.awaitRelease) {
    const released = await req.awaitRelease(p.conflicts.flatMap((c) => c.replaces.map(targetKey)));
    if (released) p = plan({ ...input, actual, releasedByOthers: released });
  }
  return { p, actual };
}

/**
 * Takes the role assignment's targets of `kind` to the desired set and returns
 * the targets as Okta then reports them. Throws, writing nothing, when a write
 * would silently replace targets the binding does not own. All or nothing: when
 * a write fails part-way, the targets it added are taken back (see
 * {@link undoAdds}) and the error says what was undone or kept.
 */
export async function reconcile(api: ReconcileApi, req: ReconcileRequest): Promise<ObservedTargets> {
  const read = () => readTargets(api, req.principal, req.roleAssignmentId, req.kind);
  const before = await read();
  const { p, actual } = await planFor(api, req, before.actual);
  if (p.conflicts.length) throw conflictError(p.conflicts, before.summaries);
  const added: TargetRef[] = [];
  try {
    const adds = p.operations.flatMap((op) => (op.type === "add" ? [op.target] : []));
    const gone = await addEachThatExists(api, req, adds, added);
    if (gone.length) throw missingTargetsError(req, gone);
    for (const op of p.operations) {
      if (op.type === "add") continue;
      await applyOperations(api, req.principal, req.roleAssignmentId, [op]);
      if (op.type === "remove") req.onRemoved?.(op.target);
    }
  } catch (err) {
    const undo = await undoAdds(api, { principal: req.principal, roleAssignmentId: req.roleAssignmentId, added, listSizeBefore: listSize(before.actual, req.kind), kind: req.kind });
    if (err instanceof Error) err.message = `${err.message}\n${undo}`;
    throw err;
  }
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
