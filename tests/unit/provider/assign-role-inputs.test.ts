// assignRole before any call: validation names the field and the fix, claims refuse a second owner, and the diff updates rather than replaces.
import { claimOf, ownerFailure } from "../../../provider/binding-claims";
import { BindingInputs, BindingOutputs } from "../../../provider/binding-types";
import { diffBinding } from "../../../provider/diff-binding";
import { validateInputs } from "../../../provider/validate-inputs";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const user = "00u1a2b3c4d5e6f7g8h9";
const g1 = "00g1a2b3c4d5e6f7g8h9";
const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/okta-role-targets:GroupTargetBinding::${name}`;
const base: BindingInputs = { kind: "group", userId: user, roleType: "HELP_DESK_ADMIN", groupIds: [g1], assignRole: true };

describe("validateInputs with assignRole", () => {
  it.each<[string, BindingInputs]>([
    ["assignRole with roleType", base],
    ["assignRole false with roleAssignmentId", { ...base, assignRole: false, roleType: undefined, roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO" }],
    ["an assignRole not known yet", { ...base, assignRole: UNKNOWN as unknown as boolean }],
  ])("accepts %s", (_n, inputs) => {
    expect(validateInputs(inputs, inputs.kind)).toEqual([]);
  });

  it("refuses assignRole with roleAssignmentId, naming assignRole and saying to use roleType", () => {
    const failures = validateInputs({ ...base, roleType: undefined, roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO" }, "group");
    expect(failures).toEqual([{ property: "assignRole", reason: expect.stringMatching(/needs roleType, not roleAssignmentId.*Replace roleAssignmentId with roleType, or drop assignRole/) }]);
  });

  it("refuses a non-boolean assignRole", () => {
    const failures = validateInputs({ ...base, assignRole: "yes" as unknown as boolean }, "group");
    expect(failures).toEqual([{ property: "assignRole", reason: 'must be true or false; got "yes"' }]);
  });
});

describe("ownerFailure", () => {
  const claim = (name: string, extra: Partial<BindingInputs> = {}) => claimOf({ ...base, __urn: urn(name), ...extra })!;

  it("refuses a second owner of one role, naming both bindings and the fix", () => {
    const failure = ownerFailure(claim("b"), [claim("a", { kind: "group", mode: "additive" })]);
    expect(failure?.property).toBe("assignRole");
    expect(failure?.reason).toMatch(/bindings "b" and "a" both set assignRole: true for HELP_DESK_ADMIN on user 00u1a2b3c4d5e6f7g8h9/);
    expect(failure?.reason).toMatch(/Keep assignRole: true on one of them/);
  });

  it("lets a binding that does not own the role share it with the owner", () => {
    expect(ownerFailure(claim("b", { assignRole: false }), [claim("a")])).toBeUndefined();
  });

  it("records the ownership in the claim only when assignRole is true", () => {
    expect(claim("a").ownsRole).toBe(true);
    expect(claim("a", { assignRole: undefined }).ownsRole).toBe(false);
  });
});

describe("diffBinding with assignRole", () => {
  const olds: BindingOutputs = {
    ...base,
    assignRole: false,
    principalType: "user",
    principalId: user,
    roleAssignmentId: "JBCUYUC7IRCVGS27IFCE2SKO",
    roleType: "HELP_DESK_ADMIN",
    targets: [],
    targetNames: {},
  };

  it("setting or clearing assignRole is an update, never a replace", () => {
    expect(diffBinding(olds, base)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(diffBinding({ ...olds, assignRole: true }, { ...base, assignRole: undefined })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("a new role type with assignRole replaces, creating the new binding before deleting the old", () => {
    expect(diffBinding({ ...olds, assignRole: true }, { ...base, roleType: "USER_ADMIN" })).toEqual({ changes: true, replaces: ["roleType"], deleteBeforeReplace: false });
  });
});
