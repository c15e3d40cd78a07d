// The mistakes people make in binding inputs get a message that names the fix, at preview time.
import { BindingInputs } from "../../../provider/binding-types";
import { validateInputs } from "../../../provider/validate-inputs";

const user = "00u1a2b3c4d5e6f7g8h9";
const group = "00g1a2b3c4d5e6f7g8h9";
const app = "0oa1a2b3c4d5e6f7g8h9";

const groupBase: BindingInputs = { kind: "group", userId: user, roleType: "HELP_DESK_ADMIN", groupIds: [group] };
const catalogBase: BindingInputs = { kind: "catalogApp", clientId: app, roleType: "APP_ADMIN", appNames: ["salesforce"] };
const instanceBase: BindingInputs = { kind: "appInstance", groupId: group, roleType: "APP_ADMIN", apps: [{ appName: "bookmark", appId: app }] };

/** The one reason reported for `property`, failing when there is none or more than one. */
function reasonFor(inputs: BindingInputs, property: string): string {
  const found = validateInputs(inputs, inputs.kind).filter((f) => f.property === property);
  expect(found).toHaveLength(1);
  return found[0].reason;
}

describe("messages for common mistakes", () => {
  it.each<[string, BindingInputs, string, string]>([
    ["a role type missing a letter", { ...groupBase, roleType: "HELP_DESK_ADMN" }, "roleType", 'is not a standard Okta role type; did you mean HELP_DESK_ADMIN? (GroupTargetBinding works with USER_ADMIN, HELP_DESK_ADMIN, GROUP_MEMBERSHIP_ADMIN)'],
    ["a role type missing an underscore", { ...groupBase, roleType: "HELPDESK_ADMIN" }, "roleType", "did you mean HELP_DESK_ADMIN?"],
    ["a lower-case role type", { ...catalogBase, roleType: "app_admin" }, "roleType", "did you mean APP_ADMIN? (AppTargetBinding works with APP_ADMIN)"],
    ["the Admin Console's name of a role", { ...groupBase, roleType: "Help Desk Administrator" }, "roleType", "did you mean HELP_DESK_ADMIN?"],
    ["the console's 'Group Administrator'", { ...groupBase, roleType: "GROUP_ADMIN" }, "roleType", "did you mean USER_ADMIN?"],
    ["a typo of a role that takes no targets", { ...groupBase, roleType: "ORG_ADMN" }, "roleType", "did you mean ORG_ADMIN? It takes no group targets: GroupTargetBinding works with USER_ADMIN"],
  ])("suggests the role type for %s", (_name, inputs, property, expected) => {
    expect(reasonFor(inputs, property)).toContain(expected);
  });

  it("offers no guess for a role type far from every standard one", () => {
    expect(reasonFor({ ...groupBase, roleType: "SUPER_DUPER_ADMIN" }, "roleType")).toBe(
      '"SUPER_DUPER_ADMIN" is not a standard Okta role type; use one of USER_ADMIN, HELP_DESK_ADMIN, GROUP_MEMBERSHIP_ADMIN',
    );
  });

  it("points @pulumi/okta's \"bookmark.0oa…\" in appNames to AppInstanceTargetBinding with the exact object to write", () => {
    const reason = reasonFor({ ...catalogBase, appNames: ["salesforce", `bookmark.${app}`] }, "appNames[1]");
    expect(reason).toContain("AppInstanceTargetBinding");
    expect(reason).toContain(`apps: [{ appName: "bookmark", appId: "${app}" }]`);
  });

  it("points a bare app instance id in appNames to AppInstanceTargetBinding", () => {
    expect(reasonFor({ ...catalogBase, appNames: [app] }, "appNames[0]")).toMatch(/is an app instance id, not a catalog key; declare the instance with AppInstanceTargetBinding/);
  });

  it("shows the object to write when an apps entry is written as \"bookmark.0oa…\"", () => {
    expect(reasonFor({ ...instanceBase, apps: [`bookmark.${app}` as never] }, "apps[0]")).toBe(
      `must be an object { appName, appId }; write { appName: "bookmark", appId: "${app}" }`,
    );
  });

  it.each<[string, BindingInputs, string, RegExp]>([
    ["a user id as clientId", { ...catalogBase, clientId: user }, "clientId", /is a user id \(00u…\), not an OAuth client id; to give the role to the user, set userId instead of clientId/],
    ["a group id as clientId", { ...catalogBase, clientId: group }, "clientId", /is a group id \(00g…\), not an OAuth client id; .*set groupId instead/],
    ["a group id as userId", { ...groupBase, userId: group }, "userId", /is a group id \(00g…\), not a user id \(00u…\); to give the role to the group, set groupId instead of userId/],
    ["an app id as userId", { ...groupBase, userId: app }, "userId", /is an app id \(0oa…\), not a user id.*an OAuth service app.*set clientId instead/],
    ["a user id as groupId", { ...instanceBase, groupId: user }, "groupId", /is a user id \(00u…\), not a group id \(00g…\); .*set userId instead/],
    ["a user id among group targets", { ...groupBase, groupIds: [user] }, "groupIds[0]", /is a user id \(00u…\), not a group id \(00g…\); a user cannot be a role target/],
    ["an app id among group targets", { ...groupBase, groupIds: [app] }, "groupIds[0]", /is an app id \(0oa…\), not a group id.*AppInstanceTargetBinding/],
    ["a group id as an app instance", { ...instanceBase, apps: [{ appName: "bookmark", appId: group }] }, "apps[0].appId", /is a group id \(00g…\), not an app id/],
  ])("says so when an id's prefix shows it is in the wrong place: %s", (_name, inputs, property, expected) => {
    expect(reasonFor(inputs, property)).toMatch(expected);
  });

  it("accepts a client id that only looks unusual, since custom client ids are free-form", () => {
    expect(validateInputs({ ...catalogBase, clientId: "my-automation.client_1" }, "catalogApp")).toEqual([]);
  });

  it.each([
    ["with a space", "Sales EMEA", /contains whitespace\. "Sales EMEA" looks like a group name/],
    ["of one word", "Engineering", /^"Engineering" looks like a group name, but Okta group ids start with 00g/],
  ])("tells how to find a group's id when groupIds holds its name %s", (_name, value, start) => {
    const reason = reasonFor({ ...groupBase, groupIds: [value] }, "groupIds[0]");
    expect(reason).toMatch(start);
    expect(reason).toContain(`okta.group.getGroup({ name: "${value}" }).id from @pulumi/okta`);
    expect(reason).toContain(`GET /api/v1/groups?q=${encodeURIComponent(value)}`);
  });

  it("tells how to find a group's id when groupId (the principal) holds its name", () => {
    expect(reasonFor({ ...instanceBase, groupId: "IT Admins" }, "groupId")).toMatch(/looks like a group name.*okta\.group\.getGroup\(\{ name: "IT Admins" \}\)/);
  });

  it("tells how to find a user's id when userId holds a login", () => {
    expect(reasonFor({ ...groupBase, userId: "alice@example.com" }, "userId")).toMatch(
      /looks like a login, but userId takes the user's id \(00u…\).*okta\.user\.getUser.*GET \/api\/v1\/users\/alice%40example\.com/,
    );
  });

  it("says appNames takes catalog keys when it holds a display name", () => {
    expect(reasonFor({ ...catalogBase, appNames: ["Salesforce EU"] }, "appNames[0]")).toMatch(/contains whitespace\. appNames takes OIN catalog keys such as salesforce/);
  });

  it("gives no name hint for malformed ids that start like ids", () => {
    expect(reasonFor({ ...groupBase, groupIds: [" 00gemea0000000000001"] }, "groupIds[0]")).not.toMatch(/looks like/);
    expect(reasonFor({ ...groupBase, groupIds: [".."] }, "groupIds[0]")).not.toMatch(/looks like/);
  });

  it("still skips values not known until apply", () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(validateInputs({ ...catalogBase, clientId: unknown, appNames: [unknown] }, "catalogApp")).toEqual([]);
  });
});
