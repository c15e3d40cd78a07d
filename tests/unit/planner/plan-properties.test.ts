// Property tests: plan() and planDelete() run through the Okta model over random small universes.
import fc from "fast-check";
import { BindingMode, Conflict, Plan, PlanInput, plan } from "../../../provider/plan";
import { LastTargetPolicy, planDelete } from "../../../provider/plan-delete";
import { ActualTargets, TargetKind, TargetRef, actualOfKind, listSize, sortRefs, targetKey } from "../../../provider/target-ref";
import { applyOperations, finalState, sizesAfterEachOp } from "./okta-model";
import { cat, g, inst } from "./fixtures";

const KINDS: TargetKind[] = ["group", "catalogApp", "appInstance"];
const INSTANCE_APPS = ["box", "sf", "wd"];
const POOL: Record<TargetKind, string[]> = {
  group: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `00g${i}`),
  catalogApp: [...INSTANCE_APPS, "gh", "jira", "slack", "zoom", "okta"],
  appInstance: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `0oa${i}`),
};
const KIND_MODES = KINDS.flatMap((kind) => (["authoritative", "additive"] as BindingMode[]).map((mode) => ({ kind, mode })));
const RUNS = { numRuns: 300 };

type Names = ReadonlyMap<string, string>;
const refOf = (kind: TargetKind, key: string, names: Names): TargetRef =>
  kind === "group" ? g(key) : kind === "catalogApp" ? cat(key) : inst(names.get(key)!, key);
const keysOf = (a: ActualTargets, kind: TargetKind): string[] => actualOfKind(a, kind).map(targetKey).sort();
const indices = (min: number) => fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: min });
const shuffled = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });

/** Ground-truth instance names plus an Okta-consistent actual state; a read names only some instances. */
const worldArb = fc
  .record({
    apps: fc.array(fc.constantFrom(...INSTANCE_APPS), { minLength: 8, maxLength: 8 }),
    groups: fc.subarray(POOL.group),
    catalogs: fc.subarray(POOL.catalogApp),
    instances: indices(0),
    named: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    catalogWins: fc.boolean(),
  })
  .map((w) => {
    const names: Names = new Map(POOL.appInstance.map((id, i) => [id, w.apps[i]]));
    const instanceApps = new Set(w.instances.map((i) => w.apps[i]));
    const catalogApps = w.catalogWins ? w.catalogs : w.catalogs.filter((c) => !instanceApps.has(c));
    const appInstances = w.instances
      .filter((i) => !catalogApps.includes(w.apps[i]))
      .map((i) => (w.named[i] ? { appId: POOL.appInstance[i], appName: w.apps[i] } : { appId: POOL.appInstance[i] }));
    return { names, actual: { groups: w.groups, catalogApps, appInstances } as ActualTargets };
  });

const caseArb = (kind: TargetKind, mode: BindingMode) =>
  fc.record({ world: worldArb, desired: indices(1), owned: indices(0) }).map(({ world, desired, owned }) => {
    const refs = (ix: number[]) => ix.map((i) => refOf(kind, POOL[kind][i], world.names));
    const input: PlanInput = { kind, mode, desired: refs(desired), owned: refs(owned), actual: world.actual };
    return { input, names: world.names };
  });

/** Plans, then answers `unresolved` from the ground truth and plans again, as the provider does. */
function planResolved(input: PlanInput, names: Names): { input: PlanInput; result: Plan } {
  const first = plan(input);
  if (first.unresolved.length === 0) return { input, result: first };
  // Only ids the read left unnamed and the binding's own desired/owned refs cannot name.
  const known = new Set([...input.desired, ...input.owned].map(targetKey));
  const unnamedIds = new Set(input.actual.appInstances.filter((i) => !i.appName).map((i) => i.appId));
  expect(first.unresolved.filter((id) => known.has(id) || !unnamedIds.has(id))).toEqual([]);
  const ask = new Set(first.unresolved);
  const appInstances = input.actual.appInstances.map((i) => (ask.has(i.appId) ? { ...i, appName: names.get(i.appId) } : i));
  const resolved = { ...input, actual: { ...input.actual, appInstances } };
  const result = plan(resolved);
  expect(result.unresolved).toEqual([]);
  return { input: resolved, result };
}

/** The replacements Okta would make silently: a catalog add over its app's instances, or the reverse. */
function expectedConflicts({ kind, desired, actual }: PlanInput, names: Names): Conflict[] {
  const present = new Set(keysOf(actual, kind));
  return sortRefs(desired.filter((d) => !present.has(targetKey(d)))).flatMap((d): Conflict[] => {
    if (d.kind === "catalogApp") {
      const ids = actual.appInstances.map((i) => i.appId).filter((id) => names.get(id) === d.appName);
      return ids.length ? [{ target: d, replaces: sortRefs(ids.map((id) => inst(d.appName, id))) }] : [];
    }
    return d.kind === "appInstance" && actual.catalogApps.includes(d.appName) ? [{ target: d, replaces: [cat(d.appName)] }] : [];
  });
}

describe("plan, applied by the Okta model", () => {
  it.each(KIND_MODES)("$kind $mode: reaches the declared set, touches no other kind, and conflicts exactly on replacements", ({ kind, mode }) => {
    let applied = 0;
    fc.assert(
      fc.property(caseArb(kind, mode), ({ input, names }) => {
        const { input: resolved, result } = planResolved(input, names);
        const conflicts = expectedConflicts(resolved, names);
        expect(result.conflicts).toEqual(conflicts);
        if (conflicts.length) return expect(result.operations).toEqual([]);
        applied++;
        const end = finalState(resolved.actual, result.operations, { appNames: names });
        const desired = new Set(input.desired.map(targetKey));
        const dropped = new Set(input.owned.map(targetKey).filter((k) => !desired.has(k)));
        const expected =
          mode === "authoritative"
            ? [...desired]
            : [...new Set([...keysOf(input.actual, kind), ...desired])].filter((k) => !dropped.has(k));
        expect(keysOf(end, kind)).toEqual(expected.sort());
        for (const other of KINDS.filter((k) => k !== kind)) expect(keysOf(end, other)).toEqual(keysOf(input.actual, other));
      }),
      RUNS,
    );
    expect(applied).toBeGreaterThan(RUNS.numRuns / 4); // the generator must not degenerate into all-conflict cases
  });

  it.each(KIND_MODES)("$kind $mode: planning a set onto itself is an empty plan", ({ kind, mode }) => {
    fc.assert(
      fc.property(caseArb(kind, mode), ({ input }) => {
        const keys = input.desired.map(targetKey);
        const names = new Set(input.desired.flatMap((d) => (d.kind === "group" ? [] : [d.appName])));
        const a = input.actual;
        const actual: ActualTargets =
          kind === "group"
            ? { ...a, groups: keys }
            : kind === "catalogApp"
              ? { ...a, catalogApps: keys, appInstances: a.appInstances.filter((i) => !i.appName || !names.has(i.appName)) }
              : { ...a, catalogApps: a.catalogApps.filter((c) => !names.has(c)), appInstances: keys.map((appId) => ({ appId })) };
        expect(plan({ ...input, actual })).toEqual({ operations: [], conflicts: [], unresolved: [] });
      }),
      RUNS,
    );
  });

  it.each(KIND_MODES)("$kind $mode: never empties a scoped list on the way and never meets Okta's last-target 400", ({ kind, mode }) => {
    fc.assert(
      fc.property(caseArb(kind, mode), ({ input, names }) => {
        const { input: resolved, result } = planResolved(input, names);
        const sizes = sizesAfterEachOp(resolved.actual, result.operations, kind, { appNames: names });
        if (listSize(input.actual, kind) > 0) expect(sizes.filter((n) => n === 0)).toEqual([]);
      }),
      RUNS,
    );
  });

  it.each(KIND_MODES)("$kind $mode: is deterministic and ignores the order of desired, owned and actual", ({ kind, mode }) => {
    const arb = caseArb(kind, mode).chain(({ input }) =>
      fc.record({
        input: fc.constant(input),
        desired: shuffled(input.desired),
        owned: shuffled(input.owned),
        groups: shuffled(input.actual.groups),
        catalogApps: shuffled(input.actual.catalogApps),
        appInstances: shuffled(input.actual.appInstances),
      }),
    );
    fc.assert(
      fc.property(arb, ({ input, desired, owned, ...actual }) => {
        expect(plan(input)).toEqual(plan(input));
        expect(plan({ ...input, desired, owned, actual })).toEqual(plan(input));
      }),
      RUNS,
    );
  });
});

describe("planDelete, applied by the Okta model", () => {
  const POLICIES: LastTargetPolicy[] = ["retain", "unassignRole", "fail"];
  const deleteArb = (kind: TargetKind) =>
    fc.record({ world: worldArb, targets: indices(1), policy: fc.constantFrom(...POLICIES) }).chain(({ world, targets, policy }) => {
      const refs = targets.map((i) => refOf(kind, POOL[kind][i], world.names));
      return fc.record({ world: fc.constant(world), refs: fc.constant(refs), shuffledRefs: shuffled(refs), policy: fc.constant(policy) });
    });

  it.each(KINDS)("%s: removes the binding's present targets and empties a list only under unassignRole", (kind) => {
    fc.assert(
      fc.property(deleteArb(kind), ({ world: { actual, names }, refs, shuffledRefs, policy }) => {
        const result = planDelete({ kind, targets: refs, actual, lastTarget: policy });
        expect(planDelete({ kind, targets: shuffledRefs, actual, lastTarget: policy })).toEqual(result);
        const states = applyOperations(actual, result.operations, { appNames: names });
        const end = states.at(-1) ?? finalState(actual, [], { appNames: names });
        const before = keysOf(actual, kind);
        const present = refs.map(targetKey).filter((k) => before.includes(k)).sort();
        const allMine = present.length > 0 && present.length === listSize(actual, kind);
        if (policy !== "unassignRole" && listSize(actual, kind) > 0) {
          expect(states.map((s) => listSize(s, kind)).filter((n) => n === 0)).toEqual([]);
        }
        if (!allMine) {
          expect(result).toEqual({ operations: expect.anything() });
          expect(keysOf(end, kind)).toEqual(before.filter((k) => !present.includes(k)));
        } else if (policy === "retain") {
          expect(keysOf(end, kind)).toEqual([present[present.length - 1]]);
          expect(listSize(end, kind)).toBe(1);
          expect(result.retained && targetKey(result.retained)).toBe(present[present.length - 1]);
        } else if (policy === "unassignRole") {
          expect(result.operations).toEqual([{ type: "unassignRole" }]);
          expect(end.roleAssigned).toBe(false);
        } else {
          expect(result.operations).toEqual([]);
          expect((result.refused ?? []).map(targetKey)).toEqual(present);
        }
        if (end.roleAssigned) {
          for (const other of KINDS.filter((k) => k !== kind)) expect(keysOf(end, other)).toEqual(keysOf(actual, other));
        }
      }),
      RUNS,
    );
  });
});
