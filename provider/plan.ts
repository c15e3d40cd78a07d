// The pure planner: from desired and actual targets to an ordered list of operations.
import {
  ActualTargets,
  AppInstanceRef,
  TargetKind,
  TargetRef,
  actualOfKind,
  sortRefs,
  targetKey,
} from "./target-ref";

/** How a binding treats targets of its kind that it did not declare. */
export type BindingMode = "authoritative" | "additive";

/** One API write. `unassignRole` is only ever planned on delete, when the user asked for it. */
export type Operation =
  | { readonly type: "add"; readonly target: TargetRef }
  | { readonly type: "remove"; readonly target: TargetRef }
  | { readonly type: "unassignRole" };

/** Adding `target` would make Okta silently drop `replaces`, which this binding does not own. */
export interface Conflict {
  readonly target: TargetRef;
  readonly replaces: readonly TargetRef[];
}

/** What the planner needs to know. */
export interface PlanInput {
  readonly kind: TargetKind;
  readonly mode: BindingMode;
  /** The declared set, all of `kind`; never empty. */
  readonly desired: readonly TargetRef[];
  /** What this binding managed before (its last outputs); empty on create. */
  readonly owned: readonly TargetRef[];
  /** The role assignment's targets now. */
  readonly actual: ActualTargets;
  /** Keys of `kind` that other live bindings of the program declare: never removed. */
  readonly claimedByOthers?: readonly string[];
  /**
   * Keys (of either app kind) that live bindings dropped from their declarations
   * in this run and none declares: an add may let Okta replace them.
   */
  readonly releasedByOthers?: readonly string[];
}

/** The planner's answer. */
export interface Plan {
  /** Adds first, then removes, each sorted by key. */
  readonly operations: readonly Operation[];
  /** Non-empty means: apply nothing and tell the user. */
  readonly conflicts: readonly Conflict[];
  /**
   * Instance app ids whose catalog key is needed (to remove them, or to see
   * whether a catalog add would replace them) but unknown. Resolve them and
   * plan again with `appName` filled in.
   */
  readonly unresolved: readonly string[];
}

function byKey(refs: readonly TargetRef[]): Map<string, TargetRef> {
  return new Map(refs.map((r) => [targetKey(r), r]));
}

/** Fills in instance app names known from desired or owned refs. */
function withKnownNames(ref: TargetRef, known: Map<string, TargetRef>): TargetRef {
  if (ref.kind !== "appInstance" || ref.appName) return ref;
  const k = known.get(ref.appId) as AppInstanceRef | undefined;
  return k?.appName ? { ...ref, appName: k.appName } : ref;
}

function conflictsOf(input: PlanInput, adds: readonly TargetRef[]): { conflicts: Conflict[]; unresolved: string[] } {
  const conflicts: Conflict[] = [];
  const unresolved = new Set<string>();
  const released = new Set(input.releasedByOthers ?? []);
  for (const add of adds) {
    if (add.kind === "catalogApp") {
      const replaced: TargetRef[] = [];
      for (const i of input.actual.appInstances) {
        if (!i.appName) unresolved.add(i.appId);
        else if (i.appName === add.appName) replaced.push({ kind: "appInstance", appName: i.appName, appId: i.appId });
      }
      if (replaced.length && !replaced.every((r) => released.has(targetKey(r)))) conflicts.push({ target: add, replaces: sortRefs(replaced) });
    } else if (add.kind === "appInstance" && input.actual.catalogApps.includes(add.appName) && !released.has(add.appName)) {
      conflicts.push({ target: add, replaces: [{ kind: "catalogApp", appName: add.appName }] });
    }
  }
  return { conflicts, unresolved: [...unresolved].sort() };
}

/**
 * Plans the writes that take the role assignment from `actual` to `desired`.
 *
 * - authoritative: removes every target of `kind` that is not desired;
 * - additive: removes only targets it owned before and no longer desires.
 *
 * Neither removes a target another live binding declares (`claimedByOthers`),
 * and an add that would make Okta replace a target is refused unless live
 * bindings released that target in this run (`releasedByOthers`).
 *
 * Adds come before removes, so a role with targets never passes through zero
 * of them. Targets of other kinds are never touched.
 */
export function plan(input: PlanInput): Plan {
  if (input.desired.length === 0) {
    throw new Error("plan: the desired set is empty; an empty set would make the role unscoped");
  }
  const known = byKey([...input.desired, ...input.owned]);
  const actual = actualOfKind(input.actual, input.kind).map((r) => withKnownNames(r, known));
  const actualKeys = new Set(actual.map(targetKey));
  const desiredKeys = new Set(input.desired.map(targetKey));

  const adds = sortRefs(input.desired.filter((d) => !actualKeys.has(targetKey(d))));
  const ownedKeys = new Set(input.owned.map(targetKey));
  const removable = input.mode === "authoritative" ? actual : actual.filter((a) => ownedKeys.has(targetKey(a)));
  const claimed = new Set(input.claimedByOthers ?? []);
  const removes = sortRefs(removable.filter((a) => !desiredKeys.has(targetKey(a)) && !claimed.has(targetKey(a))));

  const { conflicts, unresolved } = conflictsOf(input, adds);
  const unnamedRemovals = removes.filter((r) => r.kind === "appInstance" && !r.appName).map(targetKey);
  const allUnresolved = [...new Set([...unresolved, ...unnamedRemovals])].sort();
  if (allUnresolved.length) return { operations: [], conflicts: [], unresolved: allUnresolved };
  if (conflicts.length) return { operations: [], conflicts, unresolved: [] };

  const operations: Operation[] = [
    ...adds.map((target) => ({ type: "add" as const, target })),
    ...removes.map((target) => ({ type: "remove" as const, target })),
  ];
  return { operations, conflicts: [], unresolved: [] };
}
