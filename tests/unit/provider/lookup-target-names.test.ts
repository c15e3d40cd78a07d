// Names for targets new to a binding come from as few calls as the API allows, and unknown ids are told apart from drift.
import { OktaApiError } from "../../../sdk/errors";
import type { AppDirectoryApi, GroupTarget } from "../../../sdk/types";
import { GROUPS_PER_SEARCH, lookUpTargetNames } from "../../../provider/lookup-target-names";
import type { DeclaredTarget } from "../../../provider/target-names";

const group = (i: number): DeclaredTarget => ({ ref: { kind: "group", groupId: `00g${String(i).padStart(17, "0")}` }, path: `groupIds[${i}]` });

function fakeDirectory(known: Set<string>, apps: Record<string, { name: string; label: string }> = {}) {
  const searches: string[][] = [];
  const api: AppDirectoryApi = {
    async listGroupsById(ids) {
      searches.push([...ids]);
      return ids.filter((id) => known.has(id)).map((id): GroupTarget => ({ id, profile: { name: `Group ${id.slice(-2)}` } }));
    },
    async getGroup() {
      throw new Error("getGroup is not used: groups are searched in batches");
    },
    async getApp(appId) {
      const app = apps[appId];
      if (!app) throw new OktaApiError({ status: 404, method: "GET", path: `/api/v1/apps/${appId}`, errorCode: "E0000007", errorSummary: "Not found" });
      return { id: appId, ...app };
    },
  };
  return { api, searches };
}

describe("lookUpTargetNames", () => {
  it("searches groups in batches of at most GROUPS_PER_SEARCH ids: 45 new groups take 3 calls", async () => {
    const targets = Array.from({ length: 45 }, (_, i) => group(i));
    const { api, searches } = fakeDirectory(new Set(targets.map((t) => (t.ref as { groupId: string }).groupId)));
    const looked = await lookUpTargetNames(api, targets);
    expect(searches.map((s) => s.length)).toEqual([GROUPS_PER_SEARCH, GROUPS_PER_SEARCH, 5]);
    expect(looked.calls).toBe(3);
    expect(looked.names.size).toBe(45);
    expect(looked.failures).toEqual([]);
  });

  it.each([
    ["new to the binding: a failure on its input path", new Set<string>(), 1, 0],
    ["declared before (deleted in Okta): drift, not a failure", new Set([group(1).ref.kind === "group" ? (group(1).ref as { groupId: string }).groupId : ""]), 0, 1],
  ])("treats a group Okta does not know that is %s", async (_what, declaredBefore, failures, gone) => {
    const { api } = fakeDirectory(new Set([(group(0).ref as { groupId: string }).groupId]));
    const looked = await lookUpTargetNames(api, [group(0), group(1)], declaredBefore);
    expect(looked.failures).toHaveLength(failures);
    expect(looked.gone).toHaveLength(gone);
    if (failures) expect(looked.failures[0]).toMatchObject({ property: "groupIds[1]", reason: expect.stringMatching(/no group 00g0+1 .*\(404\)/) });
  });

  it("names an app instance as label (key), and refuses one declared under another app's key", async () => {
    const { api } = fakeDirectory(new Set(), { "0oa1": { name: "bookmark", label: "Wiki" } });
    const ok = await lookUpTargetNames(api, [{ ref: { kind: "appInstance", appName: "bookmark", appId: "0oa1" }, path: "apps[0]" }]);
    expect(ok.names.get("0oa1")).toBe("Wiki (bookmark)");
    const wrong = await lookUpTargetNames(api, [{ ref: { kind: "appInstance", appName: "salesforce", appId: "0oa1" }, path: "apps[0]" }]);
    expect(wrong.failures).toEqual([{ property: "apps[0].appName", reason: expect.stringMatching(/0oa1 is a bookmark app \("Wiki"\), not salesforce; set appName: "bookmark"/) }]);
  });

  it("makes no call for catalog keys, which are their own names", async () => {
    const { api, searches } = fakeDirectory(new Set());
    const looked = await lookUpTargetNames(api, [{ ref: { kind: "catalogApp", appName: "slack" }, path: "appNames[0]" }]);
    expect({ calls: looked.calls, searches }).toEqual({ calls: 0, searches: [] });
  });
});
