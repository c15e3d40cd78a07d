// An executable model of how Okta applies target writes to one role assignment (tests only).
import { Operation } from "../../../provider/plan";
import { ActualTargets, TargetKind, TargetRef, describeTarget, listSize } from "../../../provider/target-ref";

/** An instance target as Okta knows it: always with its app's catalog key. */
export interface ModelInstance {
  readonly appId: string;
  readonly appName: string;
}

/** A role assignment's targets, with instance names kept, and whether the role still exists. */
export interface ModelState extends ActualTargets {
  readonly appInstances: readonly ModelInstance[];
  readonly roleAssigned: boolean;
}

/** Ground truth the model needs: the catalog key of instances whose name `actual` leaves out. */
export interface ModelOptions {
  readonly appNames?: ReadonlyMap<string, string>;
}

/** Okta's refusal: 400 for removing a list's last target, 404 for a gone role or a wrong app key. */
export class OktaModelError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** The model's starting state; every instance must have a known catalog key. */
export function toModelState(actual: ActualTargets, opts: ModelOptions = {}): ModelState {
  const appInstances = actual.appInstances.map((i) => {
    const appName = i.appName || opts.appNames?.get(i.appId);
    if (!appName) throw new Error(`okta-model: no catalog key known for instance ${i.appId}`);
    return { appId: i.appId, appName };
  });
  return { groups: [...actual.groups], catalogApps: [...actual.catalogApps], appInstances, roleAssigned: true };
}

function checkAppKey(s: ModelState, t: TargetRef, opts: ModelOptions): void {
  if (t.kind !== "appInstance") return;
  const truth = s.appInstances.find((i) => i.appId === t.appId)?.appName ?? opts.appNames?.get(t.appId);
  if (truth !== undefined && truth !== t.appName) {
    throw new OktaModelError(404, `${describeTarget(t)}: the app's key is ${truth}`);
  }
}

function add(s: ModelState, t: TargetRef): ModelState {
  switch (t.kind) {
    case "group":
      return s.groups.includes(t.groupId) ? s : { ...s, groups: [...s.groups, t.groupId] };
    case "catalogApp": // rule 4: a catalog target replaces that app's instance targets
      return {
        ...s,
        catalogApps: s.catalogApps.includes(t.appName) ? s.catalogApps : [...s.catalogApps, t.appName],
        appInstances: s.appInstances.filter((i) => i.appName !== t.appName),
      };
    case "appInstance": // rule 5: an instance target replaces its app's catalog target
      return {
        ...s,
        catalogApps: s.catalogApps.filter((c) => c !== t.appName),
        appInstances: s.appInstances.some((i) => i.appId === t.appId)
          ? s.appInstances
          : [...s.appInstances, { appId: t.appId, appName: t.appName }],
      };
  }
}

function remove(s: ModelState, t: TargetRef): ModelState {
  let next: ModelState;
  switch (t.kind) {
    case "group":
      next = { ...s, groups: s.groups.filter((x) => x !== t.groupId) };
      break;
    case "catalogApp":
      next = { ...s, catalogApps: s.catalogApps.filter((x) => x !== t.appName) };
      break;
    case "appInstance":
      next = { ...s, appInstances: s.appInstances.filter((i) => i.appId !== t.appId) };
      break;
  }
  if (listSize(next, t.kind) === listSize(s, t.kind)) return s; // absent: a no-op
  if (listSize(next, t.kind) === 0) {
    throw new OktaModelError(400, `Api validation failed: cannot remove the last target (${describeTarget(t)})`);
  }
  return next;
}

function applyOne(s: ModelState, op: Operation, opts: ModelOptions): ModelState {
  if (!s.roleAssigned) throw new OktaModelError(404, "Not found: the role assignment is gone");
  if (op.type === "unassignRole") return { groups: [], catalogApps: [], appInstances: [], roleAssigned: false };
  checkAppKey(s, op.target, opts);
  return op.type === "add" ? add(s, op.target) : remove(s, op.target);
}

/** Applies `ops` in order; returns the state after each one. Throws `OktaModelError` where Okta would refuse. */
export function applyOperations(
  actual: ActualTargets,
  ops: readonly Operation[],
  opts: ModelOptions = {},
): ModelState[] {
  const states: ModelState[] = [];
  let s = toModelState(actual, opts);
  for (const op of ops) {
    s = applyOne(s, op, opts);
    states.push(s);
  }
  return states;
}

/** The final state after `ops` (the start state when there are none). */
export function finalState(actual: ActualTargets, ops: readonly Operation[], opts: ModelOptions = {}): ModelState {
  return applyOperations(actual, ops, opts).at(-1) ?? toModelState(actual, opts);
}

/** The size of `kind`'s list (groups, or catalog + instances) after each op, to check it never reaches zero. */
export function sizesAfterEachOp(
  actual: ActualTargets,
  ops: readonly Operation[],
  kind: TargetKind,
  opts: ModelOptions = {},
): number[] {
  return applyOperations(actual, ops, opts).map((s) => listSize(s, kind));
}
