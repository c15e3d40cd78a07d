// The target rules of BEHAVIOR.md, for users, groups and clients alike.
import { expectStatus, type ApiResponse } from "./helpers/api";
import { assignRole, createApp, createGroup, createServiceApp, createUser } from "./helpers/fixtures";
import { useEmulator } from "./helpers/running-emulator";

let clock = Date.parse("2025-03-14T03:52:51.000Z");
const ctx = useEmulator({ now: () => clock });

type Kind = "user" | "group" | "client";

async function roleBase(kind: Kind, type: string): Promise<string> {
  const base =
    kind === "user"
      ? `/api/v1/users/${await createUser(ctx.api)}`
      : kind === "group"
        ? `/api/v1/groups/${await createGroup(ctx.api)}`
        : `/oauth2/v1/clients/${await createServiceApp(ctx.api)}`;
  return `${base}/roles/${await assignRole(ctx.api, base, type)}`;
}

const put = async (path: string): Promise<ApiResponse> => ctx.api("PUT", path);
const names = (response: ApiResponse): string[] => response.body.map((item: { name?: string; id?: string }) => item.id ?? item.name);

describe.each<Kind>(["user", "group", "client"])("role targets of a %s", (kind) => {
  it("lists no targets for a fresh role: empty means unscoped", async () => {
    expect(expectStatus(await ctx.api("GET", `${await roleBase(kind, "USER_ADMIN")}/targets/groups`), 200).body).toEqual([]);
    expect(expectStatus(await ctx.api("GET", `${await roleBase(kind, "APP_ADMIN")}/targets/catalog/apps`), 200).body).toEqual([]);
  });

  it("narrows with the first group target and stays idempotent on repeats (204 each time)", async () => {
    const role = await roleBase(kind, "HELP_DESK_ADMIN");
    const group = await createGroup(ctx.api);
    expectStatus(await put(`${role}/targets/groups/${group}`), 204);
    expectStatus(await put(`${role}/targets/groups/${group}`), 204);
    const list = expectStatus(await ctx.api("GET", `${role}/targets/groups`), 200);
    expect(list.body).toEqual([expectStatus(await ctx.api("GET", `/api/v1/groups/${group}`), 200).body]);
  });

  it("lists group targets in ascending id order whatever the order they were added", async () => {
    const role = await roleBase(kind, "GROUP_MEMBERSHIP_ADMIN");
    const groups = await Promise.all([1, 2, 3, 4, 5].map(() => createGroup(ctx.api)));
    const descending = [...groups].sort().reverse();
    for (const group of descending) expectStatus(await put(`${role}/targets/groups/${group}`), 204);
    expect(names(await ctx.api("GET", `${role}/targets/groups`))).toEqual([...groups].sort());
  });

  it("lets a catalog target replace every instance target of that app", async () => {
    const role = await roleBase(kind, "APP_ADMIN");
    const [sf1, sf2, slack] = [await createApp(ctx.api, "salesforce"), await createApp(ctx.api, "salesforce"), await createApp(ctx.api, "slack")];
    for (const [name, id] of [["salesforce", sf1], ["salesforce", sf2], ["slack", slack]]) {
      expectStatus(await put(`${role}/targets/catalog/apps/${name}/${id}`), 204);
    }
    expectStatus(await put(`${role}/targets/catalog/apps/salesforce`), 204);
    const list = expectStatus(await ctx.api("GET", `${role}/targets/catalog/apps`), 200).body;
    expect(list.map((t: { name: string; id?: string }) => [t.name, t.id])).toEqual([["salesforce", undefined], [expect.stringContaining("slack"), slack]]);
    expect(list[0]).toMatchObject({ name: "salesforce", displayName: "Salesforce.com", status: "ACTIVE", category: "CRM" });
    expect(list[0]).not.toHaveProperty("id");
  });

  it("lets an instance target replace the catalog target of its app", async () => {
    const role = await roleBase(kind, "APP_ADMIN");
    const wiki = await createApp(ctx.api, "bookmark", "Team Wiki");
    expectStatus(await put(`${role}/targets/catalog/apps/bookmark`), 204);
    expectStatus(await put(`${role}/targets/catalog/apps/bookmark/${wiki}`), 204);
    const list = expectStatus(await ctx.api("GET", `${role}/targets/catalog/apps`), 200).body;
    expect(list).toEqual([{ name: "Team Wiki", status: "ACTIVE", id: wiki, _links: { self: { href: `${ctx.emulator.url}/api/v1/apps/${wiki}` } } }]);
  });

  it("refuses to remove the last target with 400 E0000001 and keeps it", async () => {
    const role = await roleBase(kind, "USER_ADMIN");
    const [a, b] = [await createGroup(ctx.api), await createGroup(ctx.api)];
    await put(`${role}/targets/groups/${a}`);
    await put(`${role}/targets/groups/${b}`);
    expectStatus(await ctx.api("DELETE", `${role}/targets/groups/${a}`), 204);
    const refused = expectStatus(await ctx.api("DELETE", `${role}/targets/groups/${b}`), 400);
    expect(refused.body.errorCode).toBe("E0000001");
    expect(refused.body.errorSummary).toMatch(/^Api validation failed: /);
    expect(names(await ctx.api("GET", `${role}/targets/groups`))).toEqual([b]);
  });

  it("refuses to remove the last app target, catalog or instance", async () => {
    const role = await roleBase(kind, "APP_ADMIN");
    const box = await createApp(ctx.api, "box");
    await put(`${role}/targets/catalog/apps/github`);
    await put(`${role}/targets/catalog/apps/box/${box}`);
    expectStatus(await ctx.api("DELETE", `${role}/targets/catalog/apps/github`), 204);
    expectStatus(await ctx.api("DELETE", `${role}/targets/catalog/apps/box/${box}`), 400);
    await put(`${role}/targets/catalog/apps/zoomus`);
    expectStatus(await ctx.api("DELETE", `${role}/targets/catalog/apps/box/${box}`), 204);
    expectStatus(await ctx.api("DELETE", `${role}/targets/catalog/apps/zoomus`), 400);
  });

  it.each([
    ["APP_ADMIN", "targets/groups/{group}"],
    ["USER_ADMIN", "targets/catalog/apps/salesforce"],
    ["HELP_DESK_ADMIN", "targets/catalog/apps/salesforce/{app}"],
    ["SUPER_ADMIN", "targets/groups/{group}"],
    ["READ_ONLY_ADMIN", "targets/catalog/apps/salesforce"],
  ])("refuses a %s target at %s with 400 E0000091", async (type, suffix) => {
    const role = await roleBase(kind, type);
    const path = suffix.replace("{group}", await createGroup(ctx.api)).replace("{app}", await createApp(ctx.api, "salesforce"));
    const refused = expectStatus(await put(`${role}/${path}`), 400);
    expect(refused.body).toMatchObject({ errorCode: "E0000091", errorSummary: "The provided role type was not the same as required role type." });
  });

  it("answers 404 E0000007 naming the unknown id and its type", async () => {
    const groupRole = await roleBase(kind, "USER_ADMIN");
    const appRole = await roleBase(kind, "APP_ADMIN");
    const cases: [string, string][] = [
      [`${groupRole}/targets/groups/00g00000000000000000`, "00g00000000000000000 (UserGroup)"],
      [`${appRole}/targets/catalog/apps/no_such_app`, "no_such_app (CatalogApp)"],
      [`${appRole}/targets/catalog/apps/salesforce/0oa00000000000000000`, "0oa00000000000000000 (AppInstance)"],
      [`${groupRole.replace(/roles\/.*/, "roles/KVJUKUS7IFCE2SKX")}/targets/groups/00g00000000000000000`, "KVJUKUS7IFCE2SKX (RoleAssignment)"],
    ];
    for (const [path, summary] of cases) {
      const response = expectStatus(await put(path), 404);
      expect(response.body.errorSummary).toBe(`Not found: Resource not found: ${summary}`);
    }
  });

  it("answers 404 when unassigning a target that is not assigned, and E0000091 when listing the wrong kind", async () => {
    const groupRole = await roleBase(kind, "USER_ADMIN");
    const appRole = await roleBase(kind, "APP_ADMIN");
    const [assigned, other] = [await createGroup(ctx.api), await createGroup(ctx.api)];
    await put(`${groupRole}/targets/groups/${assigned}`);
    expectStatus(await ctx.api("DELETE", `${groupRole}/targets/groups/${other}`), 404);
    await put(`${appRole}/targets/catalog/apps/box`);
    expectStatus(await ctx.api("DELETE", `${appRole}/targets/catalog/apps/slack`), 404);
    expect(expectStatus(await ctx.api("GET", `${appRole}/targets/groups`), 400).body.errorCode).toBe("E0000091");
    expect(expectStatus(await ctx.api("GET", `${groupRole}/targets/catalog/apps`), 400).body.errorCode).toBe("E0000091");
  });

  it("leaves an empty (unscoped) list when the only targeted group is deleted", async () => {
    const role = await roleBase(kind, "HELP_DESK_ADMIN");
    const only = await createGroup(ctx.api);
    await put(`${role}/targets/groups/${only}`);
    expectStatus(await ctx.api("DELETE", `/api/v1/groups/${only}`), 204);
    expect(expectStatus(await ctx.api("GET", `${role}/targets/groups`), 200).body).toEqual([]);
  });

  it("answers 404 for an instance target whose appName is not the app's key", async () => {
    const role = await roleBase(kind, "APP_ADMIN");
    const slack = await createApp(ctx.api, "slack");
    expectStatus(await put(`${role}/targets/catalog/apps/salesforce/${slack}`), 404);
    expectStatus(await put(`${role}/targets/catalog/apps/slack/${slack}`), 204);
  });

  it("drops a deleted group and a deleted app from target lists", async () => {
    const groupRole = await roleBase(kind, "HELP_DESK_ADMIN");
    const appRole = await roleBase(kind, "APP_ADMIN");
    const [keep, drop] = [await createGroup(ctx.api), await createGroup(ctx.api)];
    const [keptApp, droppedApp] = [await createApp(ctx.api, "slack"), await createApp(ctx.api, "box")];
    for (const group of [keep, drop]) await put(`${groupRole}/targets/groups/${group}`);
    await put(`${appRole}/targets/catalog/apps/slack/${keptApp}`);
    await put(`${appRole}/targets/catalog/apps/box/${droppedApp}`);
    expectStatus(await ctx.api("DELETE", `/api/v1/groups/${drop}`), 204);
    expectStatus(await ctx.api("POST", `/api/v1/apps/${droppedApp}/lifecycle/deactivate`), 200);
    expectStatus(await ctx.api("DELETE", `/api/v1/apps/${droppedApp}`), 204);
    expect(names(await ctx.api("GET", `${groupRole}/targets/groups`))).toEqual([keep]);
    expect(names(await ctx.api("GET", `${appRole}/targets/catalog/apps`))).toEqual([keptApp]);
  });

  it("moves the role's lastUpdated when its targets change, not on idempotent repeats", async () => {
    const role = await roleBase(kind, "USER_ADMIN");
    const group = await createGroup(ctx.api);
    const before = expectStatus(await ctx.api("GET", role), 200).body.lastUpdated;
    clock += 5000;
    await put(`${role}/targets/groups/${group}`);
    const after = expectStatus(await ctx.api("GET", role), 200).body.lastUpdated;
    expect(Date.parse(after) - Date.parse(before)).toBe(5000);
    clock += 5000;
    await put(`${role}/targets/groups/${group}`);
    expect(expectStatus(await ctx.api("GET", role), 200).body.lastUpdated).toBe(after);
  });
});

describe("all-apps targets", () => {
  it("lets a user's APP_ADMIN target all apps with PUT catalog/apps, which empties the list", async () => {
    const role = await roleBase("user", "APP_ADMIN");
    await put(`${role}/targets/catalog/apps/salesforce`);
    expectStatus(await put(`${role}/targets/catalog/apps`), 204);
    expect(expectStatus(await ctx.api("GET", `${role}/targets/catalog/apps`), 200).body).toEqual([]);
  });

  it.each<Kind>(["group", "client"])("has no all-apps endpoint for a %s", async (kind) => {
    const role = await roleBase(kind, "APP_ADMIN");
    expectStatus(await put(`${role}/targets/catalog/apps`), 404);
  });
});
