// Checks the test-only Okta model against BEHAVIOR.md's target rules, since the property tests trust it.
import { Operation } from "../../../provider/plan";
import { ActualTargets, TargetRef } from "../../../provider/target-ref";
import { applyOperations, finalState, sizesAfterEachOp } from "./okta-model";
import { actualOf, cat, g, inst, unnamed } from "./fixtures";

const add = (target: TargetRef): Operation => ({ type: "add", target });
const remove = (target: TargetRef): Operation => ({ type: "remove", target });

describe("the Okta model", () => {
  it.each<[string, ActualTargets, Operation[], ActualTargets]>([
    ["adding a group that is already a target changes nothing", actualOf(g("a")), [add(g("a"))], actualOf(g("a"))],
    [
      "adding a catalog app drops every instance target of that app and no other",
      actualOf(inst("sf", "1"), inst("sf", "2"), inst("box", "3")),
      [add(cat("sf"))],
      actualOf(inst("box", "3"), cat("sf")),
    ],
    [
      "adding an instance drops its app's catalog target and no other",
      actualOf(cat("sf"), cat("box")),
      [add(inst("sf", "1"))],
      actualOf(cat("box"), inst("sf", "1")),
    ],
    ["removing an absent target changes nothing", actualOf(g("a")), [remove(g("b"))], actualOf(g("a"))],
    [
      "removing a catalog app is allowed while instance targets keep the app list non-empty",
      actualOf(cat("box"), inst("sf", "1")),
      [remove(cat("box"))],
      actualOf(inst("sf", "1")),
    ],
    ["removing a group is allowed while another group remains", actualOf(g("a"), g("b")), [remove(g("a"))], actualOf(g("b"))],
  ])("%s", (_name, start, ops, expected) => {
    const end = finalState(start, ops);
    expect({ ...end, roleAssigned: undefined }).toEqual({ ...expected, roleAssigned: undefined });
    expect(end.roleAssigned).toBe(true);
  });

  it.each<[string, ActualTargets, Operation[]]>([
    ["the last group", actualOf(g("a"), cat("box")), [remove(g("a"))]],
    ["the last catalog app when no instances remain", actualOf(cat("box"), g("a")), [remove(cat("box"))]],
    ["the last instance when no catalog apps remain", actualOf(inst("sf", "1")), [remove(inst("sf", "1"))]],
    ["the last app target after an earlier removal", actualOf(cat("box"), inst("sf", "1")), [remove(cat("box")), remove(inst("sf", "1"))]],
  ])("refuses with a 400 to remove %s", (_name, start, ops) => {
    expect(() => applyOperations(start, ops)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("refuses with a 404 an instance named with the wrong app key", () => {
    expect(() => applyOperations(actualOf(inst("sf", "1")), [remove(inst("box", "1"))])).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it("uses the ground-truth names for instances a list read left unnamed", () => {
    const start = unnamed(actualOf(inst("sf", "1"), inst("box", "2")));
    const end = finalState(start, [add(cat("sf"))], { appNames: new Map([["1", "sf"], ["2", "box"]]) });
    expect(end.appInstances).toEqual([{ appId: "2", appName: "box" }]);
  });

  it("unassigning the role empties both lists, marks it gone, and refuses later writes", () => {
    const start = actualOf(g("a"), cat("box"));
    const [gone] = applyOperations(start, [{ type: "unassignRole" }]);
    expect(gone).toEqual({ groups: [], catalogApps: [], appInstances: [], roleAssigned: false });
    expect(() => applyOperations(start, [{ type: "unassignRole" }, add(g("a"))])).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it("reports the list size after each operation", () => {
    const ops = [add(inst("sf", "1")), remove(cat("box")), add(cat("sf"))];
    expect(sizesAfterEachOp(actualOf(cat("box")), ops, "catalogApp")).toEqual([2, 1, 1]);
  });
});
