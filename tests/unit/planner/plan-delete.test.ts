// Table tests for planDelete(): remove a binding's present targets, and what each last-target policy does.
import { DeletePlan, DeletePlanInput, LastTargetPolicy, planDelete } from "../../../provider/plan-delete";
import { ActualTargets, TargetKind, TargetRef } from "../../../provider/target-ref";
import { actualOf, cat, g, inst, show, unnamed } from "./fixtures";

const POLICIES: LastTargetPolicy[] = ["retain", "unassignRole", "fail"];
const input = (kind: TargetKind, targets: TargetRef[], actual: ActualTargets, lastTarget: LastTargetPolicy): DeletePlanInput =>
  ({ kind, targets, actual, lastTarget });

describe("planDelete", () => {
  // Cases where other targets keep the list non-empty: every policy plans the same removes.
  it.each<[string, TargetKind, TargetRef[], ActualTargets, string[]]>([
    [
      "removes only the binding's groups that are still present",
      "group",
      [g("00gC"), g("00gA"), g("00gB")],
      actualOf(g("00gB"), g("00gZ"), g("00gA")),
      ["remove group 00gA", "remove group 00gB"],
    ],
    [
      "a catalog binding's delete is not the last when instance targets remain in the app list",
      "catalogApp",
      [cat("box"), cat("zoom")],
      unnamed(actualOf(cat("zoom"), cat("box"), inst("sf", "0oa1"))),
      ["remove catalog app box", "remove catalog app zoom"],
    ],
    [
      "an instance binding's delete is not the last when a catalog target remains in the app list",
      "appInstance",
      [inst("sf", "0oa2"), inst("sf", "0oa1")],
      unnamed(actualOf(cat("box"), inst("sf", "0oa1"), inst("sf", "0oa2"))),
      ["remove app instance sf/0oa1", "remove app instance sf/0oa2"],
    ],
    [
      "an instance binding matches present instances by id even when the read carries no names",
      "appInstance",
      [inst("sf", "0oa1"), inst("sf", "0oa9")],
      unnamed(actualOf(inst("sf", "0oa1"), inst("wd", "0oa3"))),
      ["remove app instance sf/0oa1"],
    ],
  ])("%s", (_name, kind, targets, actual, ops) => {
    for (const policy of POLICIES) {
      expect(planDelete(input(kind, targets, actual, policy))).toEqual({ operations: expect.anything() });
      expect(show(planDelete(input(kind, targets, actual, policy)).operations)).toEqual(ops);
    }
  });

  it.each<[string, TargetKind, TargetRef[], ActualTargets]>([
    ["a group binding", "group", [g("00gA")], actualOf(g("00gZ"), cat("box"))],
    ["a catalog binding", "catalogApp", [cat("box")], actualOf(cat("zoom"), g("00gA"))],
    ["an instance binding", "appInstance", [inst("sf", "0oa1")], actualOf(inst("sf", "0oa2"))],
    ["a binding on an unscoped role", "group", [g("00gA")], actualOf()],
  ])("plans nothing for %s whose targets are all gone already", (_name, kind, targets, actual) => {
    for (const policy of POLICIES) expect(planDelete(input(kind, targets, actual, policy))).toEqual({ operations: [] });
  });

  // Cases where removing the binding's present targets would empty the list.
  const LAST: [string, TargetKind, TargetRef[], ActualTargets][] = [
    ["the role's groups, even with app targets present", "group", [g("00gB"), g("00gC"), g("00gA")], actualOf(g("00gA"), g("00gB"), g("00gC"), cat("box"))],
    ["the role's only group", "group", [g("00gA"), g("00gGone")], actualOf(g("00gA"))],
    ["the role's catalog apps with no instances", "catalogApp", [cat("zoom"), cat("box")], actualOf(cat("box"), cat("zoom"), g("00gA"))],
    ["the role's instances with no catalog apps", "appInstance", [inst("wd", "0oa2"), inst("sf", "0oa1")], unnamed(actualOf(inst("sf", "0oa1"), inst("wd", "0oa2")))],
  ];
  const keep: Record<string, { removed: string[]; retained: TargetRef; refused: TargetRef[] }> = {
    "the role's groups, even with app targets present": { removed: ["remove group 00gA", "remove group 00gB"], retained: g("00gC"), refused: [g("00gA"), g("00gB"), g("00gC")] },
    "the role's only group": { removed: [], retained: g("00gA"), refused: [g("00gA")] },
    "the role's catalog apps with no instances": { removed: ["remove catalog app box"], retained: cat("zoom"), refused: [cat("box"), cat("zoom")] },
    "the role's instances with no catalog apps": { removed: ["remove app instance sf/0oa1"], retained: inst("wd", "0oa2"), refused: [inst("sf", "0oa1"), inst("wd", "0oa2")] },
  };

  it.each(LAST)("with retain, deleting a binding that holds %s keeps the last by key and reports it", (name, kind, targets, actual) => {
    const result: DeletePlan = planDelete(input(kind, targets, actual, "retain"));
    expect(show(result.operations)).toEqual(keep[name].removed);
    expect(result.retained).toEqual(keep[name].retained);
    expect(result.refused).toBeUndefined();
  });

  it.each(LAST)("with unassignRole, deleting a binding that holds %s plans only unassignRole", (_name, kind, targets, actual) => {
    expect(planDelete(input(kind, targets, actual, "unassignRole"))).toEqual({ operations: [{ type: "unassignRole" }] });
  });

  it.each(LAST)("with fail, deleting a binding that holds %s plans nothing and reports the refused targets", (name, kind, targets, actual) => {
    expect(planDelete(input(kind, targets, actual, "fail"))).toEqual({ operations: [], refused: keep[name].refused });
  });
});
