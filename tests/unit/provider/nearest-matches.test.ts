// Typo suggestions: near names are found nearest first; far ones and exact ones are not suggested.
import { nearestMatches } from "../../../provider/nearest-matches";
import { suggestRoleType } from "../../../provider/role-rules";

const KEYS = ["salesforce", "slack", "box", "zoomus", "bookmark", "template_swa", "github"];

describe("nearestMatches", () => {
  it.each<[string, string[]]>([
    ["slak", ["slack"]],
    ["salesforc", ["salesforce"]],
    ["bokmark", ["bookmark"]],
    ["Slack", ["slack"]],
    ["template-swa", ["template_swa"]],
    ["workday", []],
    ["slack", []],
  ])("for %s suggests %j", (input, expected) => {
    expect(nearestMatches(input, KEYS)).toEqual(expected);
  });

  it("returns at most `limit` matches, nearest first", () => {
    expect(nearestMatches("bax", ["bay", "box", "bxx", "b"], { limit: 2 })).toEqual(["bay", "box"]);
  });
});

describe("suggestRoleType", () => {
  it.each<[string, "group" | "catalogApp", string | undefined]>([
    ["HELP_DESK_ADMN", "group", "HELP_DESK_ADMIN"],
    ["USR_ADMIN", "group", "USER_ADMIN"],
    ["APPADMIN", "catalogApp", "APP_ADMIN"],
    ["Application Administrator", "catalogApp", "APP_ADMIN"],
    ["group membership admin", "group", "GROUP_MEMBERSHIP_ADMIN"],
    ["READ_ONLY_ADMN", "group", "READ_ONLY_ADMIN"],
    ["SUPER_DUPER_ADMIN", "group", undefined],
    ["NOTHING_LIKE_IT", "catalogApp", undefined],
  ])("%s on a %s binding → %s", (input, kind, expected) => {
    expect(suggestRoleType(input, kind)).toBe(expected);
  });
});
