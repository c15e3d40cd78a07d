// Table tests for plan(): which adds and removes each kind and mode plans, in which order, and when it refuses.
import { BindingMode, Plan, PlanInput, plan } from "../../../provider/plan";
import { ActualTargets, NO_TARGETS, TargetKind, TargetRef } from "../../../provider/target-ref";
import { actualOf, cat, g, inst, show, unnamed } from "./fixtures";

type Letter = "A" | "B" | "C";
const SAMPLES: Record<TargetKind, Record<Letter, TargetRef>> = {
  group: { A: g("00gA"), B: g("00gB"), C: g("00gC") },
  catalogApp: { A: cat("box"), B: cat("slack"), C: cat("zoom") },
  appInstance: { A: inst("salesforce", "0oaA"), B: inst("salesforce", "0oaB"), C: inst("workday", "0oaC") },
};
const KINDS: TargetKind[] = ["group", "catalogApp", "appInstance"];
const BOTH: BindingMode[] = ["authoritative", "additive"];

// [scenario, modes, desired, owned, actual, expected ops as "+X"/"-X" in order]
const GENERIC: [string, BindingMode[], string, string, string, string][] = [
  ["creating into an unscoped role adds every desired target", BOTH, "BA", "", "", "+A +B"],
  ["creating over existing targets reconciles the extras away", ["authoritative"], "A", "", "AC", "-C"],
  ["creating over existing targets adopts them and leaves the extras", ["additive"], "A", "", "AC", ""],
  ["an unchanged set plans nothing", BOTH, "AB", "AB", "AB", ""],
  ["a newly desired target is only added", BOTH, "ABC", "AB", "AB", "+C"],
  ["a dropped owned target is only removed", BOTH, "A", "AB", "AB", "-B"],
  ["a swap adds the new target before removing the old one", BOTH, "B", "A", "A", "+B -A"],
  ["a foreign target is removed", ["authoritative"], "A", "A", "AC", "-C"],
  ["a foreign target is never removed", ["additive"], "A", "A", "AC", ""],
  ["a swap beside a foreign target removes it too, after the add", ["authoritative"], "B", "A", "AC", "+B -A -C"],
  ["a swap beside a foreign target leaves it alone", ["additive"], "B", "A", "AC", "+B -A"],
  ["an owned target already gone is not removed again", BOTH, "A", "AB", "A", ""],
];

const refs = (kind: TargetKind, letters: string): TargetRef[] =>
  [...letters].map((l) => SAMPLES[kind][l as Letter]);
const expectedOps = (kind: TargetKind, spec: string): string[] =>
  spec
    .split(" ")
    .filter(Boolean)
    .map((s) => show([{ type: s[0] === "+" ? "add" : "remove", target: SAMPLES[kind][s[1] as Letter] }])[0]);

describe("plan", () => {
  it.each(
    GENERIC.flatMap(([scenario, modes, desired, owned, actual, ops]) =>
      KINDS.flatMap((kind) => modes.map((mode) => ({ scenario, kind, mode, desired, owned, actual, ops }))),
    ),
  )("$kind binding, $mode: $scenario", ({ kind, mode, desired, owned, actual, ops }) => {
    const result = plan({
      kind,
      mode,
      desired: refs(kind, desired),
      owned: refs(kind, owned),
      actual: actualOf(...refs(kind, actual)),
    });
    expect(result).toEqual({ operations: expect.anything(), conflicts: [], unresolved: [] });
    expect(show(result.operations)).toEqual(expectedOps(kind, ops));
  });

  const mixed = actualOf(g("00gX"), cat("zoom"), inst("workday", "0oaW"));
  it.each<[string, PlanInput, string[]]>([
    [
      "an authoritative group binding leaves every app target alone",
      { kind: "group", mode: "authoritative", desired: [g("00gA")], owned: [], actual: mixed },
      ["add group 00gA", "remove group 00gX"],
    ],
    [
      "an authoritative catalog binding leaves instance targets of other apps alone",
      { kind: "catalogApp", mode: "authoritative", desired: [cat("box")], owned: [], actual: mixed },
      ["add catalog app box", "remove catalog app zoom"],
    ],
    [
      "an authoritative instance binding leaves catalog targets of other apps and groups alone",
      { kind: "appInstance", mode: "authoritative", desired: [inst("box", "0oaB")], owned: [], actual: mixed },
      ["add app instance box/0oaB", "remove app instance workday/0oaW"],
    ],
    [
      "an instance binding names an unnamed instance it owned from its own state",
      {
        kind: "appInstance",
        mode: "authoritative",
        desired: [inst("box", "0oaB")],
        owned: [inst("salesforce", "0oaS"), inst("box", "0oaB")],
        actual: unnamed(actualOf(inst("salesforce", "0oaS"), inst("box", "0oaB"))),
      },
      ["remove app instance salesforce/0oaS"],
    ],
    [
      "an authoritative instance binding needs no name for an unnamed instance it keeps",
      { kind: "appInstance", mode: "authoritative", desired: [inst("box", "0oaB")], owned: [], actual: unnamed(actualOf(inst("box", "0oaB"))) },
      [],
    ],
    [
      "an additive instance binding needs no name for an unnamed foreign instance",
      { kind: "appInstance", mode: "additive", desired: [inst("box", "0oaB")], owned: [], actual: unnamed(actualOf(inst("sf", "0oaF"))) },
      ["add app instance box/0oaB"],
    ],
    [
      "a catalog binding needs no instance names when it adds nothing",
      { kind: "catalogApp", mode: "authoritative", desired: [cat("box")], owned: [], actual: unnamed(actualOf(cat("box"), cat("zoom"), inst("sf", "0oaF"))) },
      ["remove catalog app zoom"],
    ],
  ])("%s", (_name, input, ops) => {
    const result = plan(input);
    expect(show(result.operations)).toEqual(ops);
    expect(result.conflicts).toEqual([]);
    expect(result.unresolved).toEqual([]);
  });

  it.each<[string, PlanInput, Plan]>([
    [
      "an authoritative instance binding asks for the names of unnamed foreign instances it must remove",
      {
        kind: "appInstance",
        mode: "authoritative",
        desired: [inst("box", "0oaB")],
        owned: [],
        actual: unnamed(actualOf(inst("sf", "0oaZ"), inst("sf", "0oaF"), inst("box", "0oaB"))),
      },
      { operations: [], conflicts: [], unresolved: ["0oaF", "0oaZ"] },
    ],
    [
      "a catalog add asks for the names of every unnamed instance, even with a named match present",
      { kind: "catalogApp", mode: "additive", desired: [cat("sf")], owned: [], actual: { ...NO_TARGETS, appInstances: [{ appId: "0oaZ" }, { appId: "0oaS", appName: "sf" }, { appId: "0oaF" }] } },
      { operations: [], conflicts: [], unresolved: ["0oaF", "0oaZ"] },
    ],
    [
      "a catalog add of an app whose instances are targets is a conflict naming those instances",
      { kind: "catalogApp", mode: "additive", desired: [cat("sf"), cat("box")], owned: [], actual: actualOf(inst("sf", "0oa2"), inst("box2", "0oa3"), inst("sf", "0oa1")) },
      { operations: [], conflicts: [{ target: cat("sf"), replaces: [inst("sf", "0oa1"), inst("sf", "0oa2")] }], unresolved: [] },
    ],
    [
      "an instance add of an app whose catalog target exists is a conflict naming that catalog target",
      { kind: "appInstance", mode: "authoritative", desired: [inst("sf", "0oa1"), inst("box", "0oa2")], owned: [], actual: actualOf(cat("sf"), cat("zoom")) },
      { operations: [], conflicts: [{ target: inst("sf", "0oa1"), replaces: [cat("sf")] }], unresolved: [] },
    ],
  ])("%s", (_name, input, expected) => {
    expect(plan(input)).toEqual(expected);
  });

  it("orders adds before removes, each sorted by key, whatever the input order", () => {
    const input: PlanInput = {
      kind: "group",
      mode: "authoritative",
      desired: [g("00gE"), g("00gC"), g("00gD")],
      owned: [g("00gB"), g("00gA")],
      actual: actualOf(g("00gZ"), g("00gB"), g("00gC"), g("00gA")),
    };
    expect(show(plan(input).operations)).toEqual([
      "add group 00gD",
      "add group 00gE",
      "remove group 00gA",
      "remove group 00gB",
      "remove group 00gZ",
    ]);
    const reversed = { ...input, desired: [...input.desired].reverse(), owned: [...input.owned].reverse() };
    expect(plan({ ...reversed, actual: { ...input.actual, groups: [...input.actual.groups].reverse() } })).toEqual(plan(input));
  });

  it.each(KINDS)("refuses an empty desired set, which would leave the role unscoped (%s binding)", (kind) => {
    const actual: ActualTargets = actualOf(SAMPLES[kind].A);
    for (const mode of BOTH) {
      expect(() => plan({ kind, mode, desired: [], owned: [SAMPLES[kind].A], actual })).toThrow(/desired set is empty/);
    }
  });
});
