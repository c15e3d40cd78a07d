// Property and table tests: plan() and planDelete() never take away what other live bindings declare.
import fc from "fast-check";
import { BindingMode, plan } from "../../../provider/plan";
import { LastTargetPolicy, planDelete } from "../../../provider/plan-delete";
import { ActualTargets, TargetKind, TargetRef, actualOfKind, listSize, targetKey } from "../../../provider/target-ref";
import { applyOperations, finalState } from "./okta-model";
import { cat, g, inst } from "./fixtures";

const RUNS = { numRuns: 300 };
const GROUPS = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `00g${i}`);
const keys = (a: ActualTargets, kind: TargetKind) => actualOfKind(a, kind).map(targetKey).sort();

/** A group role: what is on it, what this binding declares and owned, and what other live bindings declare. */
const groupCase = fc.record({
  actual: fc.subarray(GROUPS),
  desired: fc.subarray(GROUPS, { minLength: 1 }),
  owned: fc.subarray(GROUPS),
  others: fc.subarray(GROUPS),
  mode: fc.constantFrom<BindingMode>("authoritative", "additive"),
  policy: fc.constantFrom<LastTargetPolicy>("retain", "unassignRole", "fail"),
});

describe("plan with claims of other live bindings", () => {
  it("never removes a target another live binding declares, in either mode, and still reaches the declared set", () => {
    fc.assert(
      fc.property(groupCase, ({ actual, desired, owned, others, mode }) => {
        const before: ActualTargets = { groups: actual, catalogApps: [], appInstances: [] };
        const result = plan({ kind: "group", mode, desired: desired.map(g), owned: owned.map(g), actual: before, claimedByOthers: others });
        const end = finalState(before, result.operations);
        for (const k of others.filter((k) => actual.includes(k))) expect(keys(end, "group")).toContain(k);
        for (const k of desired) expect(keys(end, "group")).toContain(k);
        const removed = actual.filter((k) => !keys(end, "group").includes(k));
        for (const k of removed) expect(others).not.toContain(k);
      }),
      RUNS,
    );
  });

  it("without claims plans exactly as before (claims only ever take removals away)", () => {
    fc.assert(
      fc.property(groupCase, ({ actual, desired, owned, others, mode }) => {
        const input = { kind: "group" as const, mode, desired: desired.map(g), owned: owned.map(g), actual: { groups: actual, catalogApps: [], appInstances: [] } };
        const free = plan(input);
        const claimed = plan({ ...input, claimedByOthers: others });
        const removes = (p: typeof free) => p.operations.filter((o) => o.type === "remove").map((o) => (o.type === "remove" ? targetKey(o.target) : ""));
        expect(removes(claimed)).toEqual(removes(free).filter((k) => !others.includes(k)));
        expect(claimed.operations.filter((o) => o.type === "add")).toEqual(free.operations.filter((o) => o.type === "add"));
      }),
      RUNS,
    );
  });

  it.each<[string, TargetRef, ActualTargets, string[], boolean]>([
    ["an instance add over a catalog target nobody released is refused", inst("salesforce", "0oaSF1"), { groups: [], catalogApps: ["salesforce"], appInstances: [] }, [], true],
    ["an instance add over a catalog target a live binding released is planned", inst("salesforce", "0oaSF1"), { groups: [], catalogApps: ["salesforce"], appInstances: [] }, ["salesforce"], false],
    ["a catalog add over instances all released is planned", cat("box"), { groups: [], catalogApps: [], appInstances: [{ appId: "0oaB1", appName: "box" }, { appId: "0oaB2", appName: "box" }] }, ["0oaB1", "0oaB2"], false],
    ["a catalog add over instances only some released is refused", cat("box"), { groups: [], catalogApps: [], appInstances: [{ appId: "0oaB1", appName: "box" }, { appId: "0oaB2", appName: "box" }] }, ["0oaB1"], true],
  ])("%s", (_name, add, actual, released, conflict) => {
    const result = plan({ kind: add.kind, mode: "additive", desired: [add], owned: [], actual, releasedByOthers: released });
    expect(result.conflicts.length > 0).toBe(conflict);
    expect(result.operations).toEqual(conflict ? [] : [{ type: "add", target: add }]);
  });
});

describe("planDelete with claims of other live bindings", () => {
  it("never removes a target another live binding declares, and never unassigns a role another live binding uses", () => {
    fc.assert(
      fc.property(groupCase, ({ actual, desired, others, policy }) => {
        const before: ActualTargets = { groups: actual, catalogApps: [], appInstances: [] };
        const used = others.length > 0;
        const result = planDelete({ kind: "group", targets: desired.map(g), actual: before, lastTarget: policy, claimedByOthers: others, roleUsedByOthers: used });
        const states = applyOperations(before, result.operations);
        const end = states.at(-1) ?? finalState(before, []);
        if (used) expect(end.roleAssigned).toBe(true);
        for (const k of others.filter((k) => actual.includes(k))) expect(keys(end, "group")).toContain(k);
        if (actual.length > 0 && policy !== "unassignRole") expect(states.map((s) => listSize(s, "group"))).not.toContain(0);
        const shared = desired.filter((k) => actual.includes(k) && others.includes(k)).sort();
        expect((result.shared ?? []).map(targetKey)).toEqual(shared);
      }),
      RUNS,
    );
  });

  it("with unassignRole, keeps the last target instead when another live binding of another kind uses the role", () => {
    const actual: ActualTargets = { groups: [], catalogApps: ["slack"], appInstances: [] };
    const result = planDelete({ kind: "catalogApp", targets: [cat("slack")], actual, lastTarget: "unassignRole", roleUsedByOthers: true });
    expect(result).toEqual({ operations: [], retained: cat("slack"), roleKept: true });
  });

  it("with unassignRole and no other live binding on the role, still unassigns it", () => {
    const actual: ActualTargets = { groups: ["00g1"], catalogApps: [], appInstances: [] };
    expect(planDelete({ kind: "group", targets: [g("00g1")], actual, lastTarget: "unassignRole", claimedByOthers: [], roleUsedByOthers: false })).toEqual({
      operations: [{ type: "unassignRole" }],
    });
  });
});
