// Preview-time validation: each bad input is refused with a message naming the field and the fix.
import { validateInputs } from "../../../provider/validate-inputs";
import { BindingInputs } from "../../../provider/binding-types";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const user = "00u1a2b3c4d5e6f7g8h9";
const g1 = "00g1a2b3c4d5e6f7g8h9";
const g2 = "00g9h8g7f6e5d4c3b2a1";
const app1 = "0oa1a2b3c4d5e6f7g8h9";

const groupBase: BindingInputs = { kind: "group", userId: user, roleType: "HELP_DESK_ADMIN", groupIds: [g1] };
const catalogBase: BindingInputs = { kind: "catalogApp", clientId: app1, roleType: "APP_ADMIN", appNames: ["salesforce"] };
const instanceBase: BindingInputs = { kind: "appInstance", groupId: g1, roleType: "APP_ADMIN", apps: [{ appName: "bookmark", appId: app1 }] };

describe("validateInputs", () => {
  it.each([
    ["a group binding for a user", groupBase],
    ["a catalog binding for a client", catalogBase],
    ["an instance binding for a group", instanceBase],
    ["a binding selected by role assignment id", { ...groupBase, roleType: undefined, roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO" }],
    ["additive mode with unassignRole", { ...groupBase, mode: "additive", lastTarget: "unassignRole" } as BindingInputs],
  ])("accepts %s", (_name, inputs) => {
    expect(validateInputs(inputs, inputs.kind)).toEqual([]);
  });

  it.each<[string, BindingInputs, string, RegExp]>([
    ["no principal", { ...groupBase, userId: undefined }, "userId", /exactly one of userId, groupId, clientId.*none is set/],
    ["two principals", { ...groupBase, groupId: g2 }, "groupId", /userId and groupId are all set/],
    ["no role", { ...groupBase, roleType: undefined }, "roleType", /exactly one of roleType, roleAssignmentId/],
    ["both role selectors", { ...groupBase, roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO" }, "roleAssignmentId", /are all set/],
    ["an unknown role type", { ...groupBase, roleType: "HELPDESK_ADMIN" }, "roleType", /not a standard Okta role type/],
    ["a lower-case role type", { ...groupBase, roleType: "help_desk_admin" }, "roleType", /not a standard Okta role type/],
    ["a group target on APP_ADMIN", { ...groupBase, roleType: "APP_ADMIN" }, "roleType", /APP_ADMIN does not take group targets/],
    ["an app target on USER_ADMIN", { ...catalogBase, roleType: "USER_ADMIN" }, "roleType", /does not take app targets/],
    ["an empty group set", { ...groupBase, groupIds: [] }, "groupIds", /at least one target.*unscoped/],
    ["a duplicate group", { ...groupBase, groupIds: [g1, g2, g1] }, "groupIds[2]", /listed twice \(also at groupIds\[0\]\)/],
    ["a duplicate instance", { ...instanceBase, apps: [{ appName: "bookmark", appId: app1 }, { appName: "bookmark", appId: app1 }] }, "apps[1]", /listed twice/],
    ["an empty user id", { ...groupBase, userId: "" }, "userId", /empty string/],
    ["a group id with a slash", { ...groupBase, groupIds: ["00g/../x"] }, "groupIds[0]", /path character/],
    ["a group id with %2F", { ...groupBase, groupIds: ["00g%2Fabc"] }, "groupIds[0]", /path character/],
    ["a user id with a query", { ...groupBase, userId: "00u?x=1" }, "userId", /path character/],
    ["a user id with a fragment", { ...groupBase, userId: "00u#frag" }, "userId", /path character/],
    ["a group id with whitespace", { ...groupBase, groupIds: ["00g abc"] }, "groupIds[0]", /whitespace/],
    ["a group id with a control character", { ...groupBase, groupIds: ["00g\u0000abc"] }, "groupIds[0]", /control characters/],
    ["a Cyrillic look-alike in a group id", { ...groupBase, groupIds: ["00g1a2b3c4d5е6f7g8h9"] }, "groupIds[0]", /non-ASCII/],
    ["a 10 KB id", { ...groupBase, userId: "0".repeat(10240) }, "userId", /10240 characters/],
    ["a client id with dots", { ...catalogBase, clientId: "abc..def" }, "clientId", /path character/],
    ["an app name with a slash", { ...catalogBase, appNames: ["sales/force"] }, "appNames[0]", /path character/],
    ["an instance without appId", { ...instanceBase, apps: [{ appName: "bookmark" } as never] }, "apps[0].appId", /must be an Okta id/],
    ["app names on an instance binding", { ...instanceBase, appNames: ["bookmark"] } as BindingInputs, "apps", /both a catalog target and an instance target/],
    ["group ids on an app binding", { ...catalogBase, groupIds: [g1] }, "groupIds", /declare those targets with GroupTargetBinding/],
    ["a bad mode", { ...groupBase, mode: "merge" as never }, "mode", /"authoritative" or "additive"/],
    ["a bad lastTarget", { ...groupBase, lastTarget: "delete" as never }, "lastTarget", /"retain", "unassignRole" or "fail"/],
    ["a role assignment id with a slash", { ...groupBase, roleType: undefined, roleAssignmentId: "ABC/DEF" }, "roleAssignmentId", /path character/],
  ])("refuses %s, naming %s", (_name, inputs, property, reason) => {
    const failures = validateInputs(inputs, inputs.kind);
    expect(failures).toEqual(expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]));
  });

  it("skips values that are not known until apply, instead of rejecting them", () => {
    const inputs: BindingInputs = { kind: "group", userId: UNKNOWN, roleType: "HELP_DESK_ADMIN", groupIds: [UNKNOWN, g1] };
    expect(validateInputs(inputs, "group")).toEqual([]);
    expect(validateInputs({ ...inputs, groupIds: UNKNOWN as never }, "group")).toEqual([]);
  });
});
