// Diff decides replace vs update vs nothing, order-insensitively and without looking at __provider.
import { diffBinding } from "../../../provider/diff-binding";
import { BindingInputs, BindingOutputs } from "../../../provider/binding-types";

const olds: BindingOutputs = {
  kind: "group",
  userId: "00u1",
  roleType: "HELP_DESK_ADMIN",
  groupIds: ["00ga", "00gb"],
  principalType: "user",
  principalId: "00u1",
  roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO",
  mode: "authoritative",
  lastTarget: "retain",
  targets: [],
  targetNames: {},
};
const news: BindingInputs = { kind: "group", userId: "00u1", roleType: "HELP_DESK_ADMIN", groupIds: ["00gb", "00ga"] };

describe("diffBinding", () => {
  it("reports no changes for the same set in another order, even if __provider differs", () => {
    expect(diffBinding({ ...olds, __provider: "old" } as never, { ...news, __provider: "new" } as never)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("treats the default mode and lastTarget as equal to their explicit values", () => {
    expect(diffBinding(olds, { ...news, mode: "authoritative", lastTarget: "retain" }).changes).toBe(false);
  });

  it.each<[string, BindingInputs, string[]]>([
    ["a different user", { ...news, userId: "00u2" }, ["userId"]],
    ["a move from user to group", { ...news, userId: undefined, groupId: "00g1" }, ["userId", "groupId"]],
    ["a different role type", { ...news, roleType: "USER_ADMIN" }, ["roleType"]],
    ["a different role assignment id", { ...news, roleType: undefined, roleAssignmentId: "KVJUKUS7IFCE2SKO" }, ["roleAssignmentId"]],
  ])("replaces on %s", (_name, n, replaces) => {
    const d = diffBinding(olds, n);
    expect(d.changes).toBe(true);
    expect(d.replaces).toEqual(replaces);
  });

  it("does not replace when the role is named by the id it already resolved to", () => {
    expect(diffBinding(olds, { ...news, roleType: undefined, roleAssignmentId: olds.roleAssignmentId }).changes).toBe(false);
  });

  it.each<[string, BindingInputs]>([
    ["an added group", { ...news, groupIds: ["00ga", "00gb", "00gc"] }],
    ["a removed group", { ...news, groupIds: ["00ga"] }],
    ["a group id not known until apply", { ...news, groupIds: ["00ga", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"] }],
    ["a new mode", { ...news, mode: "additive" }],
    ["a new lastTarget", { ...news, lastTarget: "fail" }],
  ])("updates in place on %s", (_name, n) => {
    const d = diffBinding(olds, n);
    expect(d).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("compares app instances by app id", () => {
    const o: BindingOutputs = { ...olds, kind: "appInstance", groupIds: undefined, apps: [{ appName: "bookmark", appId: "0oa1" }] };
    const same: BindingInputs = { ...news, kind: "appInstance", groupIds: undefined, apps: [{ appName: "bookmark", appId: "0oa1" }] };
    expect(diffBinding(o, same).changes).toBe(false);
    expect(diffBinding(o, { ...same, apps: [{ appName: "bookmark", appId: "0oa2" }] }).changes).toBe(true);
  });
});

describe("buildOutputs", () => {
  it("leaves out unset optional fields, which the engine's protobuf Struct cannot carry", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildOutputs } = require("../../../provider/build-outputs") as typeof import("../../../provider/build-outputs");
    const outs = buildOutputs(news, { kind: "user", id: "00u1" }, { id: "JBCUYUC7IRCVGS27IFCE2SKO", type: "HELP_DESK_ADMIN" }, [], new Map());
    expect(Object.entries(outs).filter(([, v]) => v === undefined)).toEqual([]);
    expect(outs).not.toHaveProperty("mode");
  });
});
