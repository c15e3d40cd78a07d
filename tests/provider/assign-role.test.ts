// Provider methods against the emulator with assignRole: the role is scoped from its first moment, undone on failure, unassigned on destroy.
import { BindingProvider } from "../../provider/binding-provider";
import { BindingInputs, BindingOutputs } from "../../provider/binding-types";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { ORG } from "../helpers/test-org";
import { useEmulatedOrg } from "./helpers/emulated-org";

const org = useEmulatedOrg();
let client: OktaClient;
let notices: string[];
let provider: BindingProvider;

const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/okta-role-targets:GroupTargetBinding::${name}`;

function freshProvider(): BindingProvider {
  return new BindingProvider({ api: () => client, notify: (_i, _s, m) => notices.push(m) });
}

async function created(inputs: BindingInputs): Promise<BindingOutputs> {
  expect((await provider.check({} as BindingInputs, inputs)).failures ?? []).toEqual([]);
  return (await provider.create(inputs)).outs as BindingOutputs;
}

const roleTypes = async (p: Principal) => (await client.listRoleAssignments(p)).map((r) => r.type).sort();

/** The log from the role's creation on: the POST that assigned it, then every request after it. */
function fromRoleCreation(): { post: { path: string }; after: { method: string; path: string; status: number | null }[] } {
  const log = org().emulator.requests();
  const at = log.findIndex((r) => r.method === "POST" && /\/roles$/.test(r.path));
  expect(at).toBeGreaterThanOrEqual(0);
  return { post: log[at], after: log.slice(at + 1) };
}

beforeEach(() => {
  client = org().client;
  notices = [];
  provider = freshProvider();
});

const cases: [string, Principal, Partial<BindingInputs>, string, BindingInputs["kind"], Partial<BindingInputs>, string][] = [
  ["a user", { kind: "user", id: ORG.alice }, { userId: ORG.alice }, "USER_ADMIN", "group", { groupIds: [ORG.emea, ORG.apac] }, `/groups/${ORG.emea}`],
  ["a group", { kind: "group", id: ORG.itAdmins }, { groupId: ORG.itAdmins }, "HELP_DESK_ADMIN", "group", { groupIds: [ORG.apac, ORG.eng] }, `/groups/${ORG.apac}`],
  ["an OAuth client", { kind: "client", id: ORG.client }, { clientId: ORG.client }, "USER_ADMIN", "group", { groupIds: [ORG.eng] }, `/groups/${ORG.eng}`],
  ["a user, with catalog app targets", { kind: "user", id: ORG.bob }, { userId: ORG.bob }, "APP_ADMIN", "catalogApp", { appNames: ["salesforce", "bookmark"] }, "/catalog/apps/salesforce"],
  ["a user, with app instance targets", { kind: "user", id: ORG.bob }, { userId: ORG.bob }, "APP_ADMIN", "appInstance", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }, `/catalog/apps/bookmark/${ORG.wiki}`],
];

describe("create with assignRole", () => {
  it.each(cases)("for %s: assigns the role, and the request right after its creation adds the first declared target", async (_n, principal, who, roleType, kind, set, firstPath) => {
    const outs = await created({ kind, ...who, roleType, assignRole: true, ...set, __urn: urn("owner") } as BindingInputs);
    const role = (await client.listRoleAssignments(principal)).find((r) => r.type === roleType);
    expect(role).toBeDefined();
    expect(outs.roleOrigin).toBe("assigned");
    expect(outs.roleAssignmentId).toBe(role!.id);
    const { post, after } = fromRoleCreation();
    expect(post.path).toMatch(new RegExp(`/${principal.id}/roles$`));
    // Nothing touches the new role between its creation and its first target.
    expect(after[0].method).toBe("PUT");
    expect(after[0].path).toContain(`/roles/${role!.id}/targets${firstPath}`);
    expect(after[0].status).toBe(204);
    const declared = kind === "group" ? set.groupIds! : kind === "catalogApp" ? set.appNames! : set.apps!.map((a) => a.appId);
    const held = kind === "group" ? (await client.listGroupTargets(principal, role!.id)).map((g) => g.id) : (await client.listAppTargets(principal, role!.id)).map((a) => (a.id ?? a.name));
    expect(held.sort()).toEqual([...declared].sort());
  });

  it("adopts a role the principal already holds, says so at check, and records it as adopted", async () => {
    const inputs: BindingInputs = { kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: [ORG.emea], __urn: urn("adopter") };
    expect((await provider.check({} as BindingInputs, inputs)).failures ?? []).toEqual([]);
    expect(notices.join("\n")).toMatch(/adopts the role assignment and owns it from now on: destroy unassigns it/);
    // The seed's HELP_DESK_ADMIN of alice has no targets: the interrupted-create case.
    expect(notices.join("\n")).toMatch(/has no group targets, so it applies to ALL groups right now/);
    const outs = (await provider.create(inputs)).outs as BindingOutputs;
    expect(outs.roleOrigin).toBe("adopted");
    expect(org().emulator.requests().filter((r) => r.method === "POST")).toEqual([]);
    expect((await client.listGroupTargets({ kind: "user", id: ORG.alice }, ORG.HELP_DESK_ADMIN)).map((g) => g.id)).toEqual([ORG.emea]);
  });
});

describe("a create that cannot scope the role it assigned", () => {
  it("an unknown first target (404) leaves the principal without the role, and the error says what was undone", async () => {
    const bob: Principal = { kind: "user", id: ORG.bob };
    const before = await roleTypes(bob);
    const inputs: BindingInputs = { kind: "group", userId: ORG.bob, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: ["00gmissing0000000001"], __urn: urn("bad") };
    await expect(provider.create(inputs)).rejects.toThrow(
      /could not add group 00gmissing0000000001, the first declared target.*404[\s\S]*Unassigned HELP_DESK_ADMIN from user 00ubob00000000000001 again/,
    );
    expect(await roleTypes(bob)).toEqual(before);
  });

  it("an unknown later target fails the create and takes the assigned role back too", async () => {
    const bob: Principal = { kind: "user", id: ORG.bob };
    const inputs: BindingInputs = { kind: "group", userId: ORG.bob, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: [ORG.emea, "00gmissing0000000001"], __urn: urn("bad-later") };
    await expect(provider.create(inputs)).rejects.toThrow(/Okta does not have group 00gmissing0000000001[\s\S]*Unassigned HELP_DESK_ADMIN/);
    expect(await roleTypes(bob)).not.toContain("HELP_DESK_ADMIN");
  });
});

describe("destroy of a binding that owns its role", () => {
  it("unassigns the role, whatever lastTarget says", async () => {
    const alice: Principal = { kind: "user", id: ORG.alice };
    const outs = await created({ kind: "group", userId: ORG.alice, roleType: "USER_ADMIN", assignRole: true, groupIds: [ORG.emea], __urn: urn("owner") });
    provider = freshProvider();
    await provider.delete("id", outs);
    expect(await roleTypes(alice)).not.toContain("USER_ADMIN");
  });

  it("refuses, changing nothing, while another live binding uses the role and none owns it", async () => {
    const app = (name: string, extra: Partial<BindingInputs>): BindingInputs => ({ kind: "catalogApp", userId: ORG.bob, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    const owner = await created(app("catalog", { appNames: ["salesforce"], assignRole: true }));
    await created({ ...app("instances", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }), kind: "appInstance" });
    provider = freshProvider(); // next run: the owner left the program, the instance binding stays
    expect((await provider.check({} as BindingInputs, { ...app("instances", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }), kind: "appInstance" })).failures ?? []).toEqual([]);
    org().emulator.clearRequests();
    await expect(provider.delete("id", owner)).rejects.toThrow(/refusing to delete: this binding owns APP_ADMIN of user 00ubob00000000000001 \(assignRole: true\), and "instances" of this program uses/);
    expect(org().emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
    expect(await roleTypes({ kind: "user", id: ORG.bob })).toContain("APP_ADMIN");
  });

  it("when ownership moved to another live binding, removes only its own targets and keeps the role", async () => {
    const app = (name: string, extra: Partial<BindingInputs>): BindingInputs => ({ kind: "catalogApp", userId: ORG.bob, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    const owner = await created(app("catalog", { appNames: ["salesforce"], assignRole: true }));
    const instances = { ...app("instances", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }), kind: "appInstance" as const };
    const inst = await created(instances);
    provider = freshProvider();
    expect((await provider.check(inst, { ...instances, assignRole: true })).failures ?? []).toEqual([]);
    await provider.delete("id", owner);
    const bob: Principal = { kind: "user", id: ORG.bob };
    const role = (await client.listRoleAssignments(bob)).find((r) => r.type === "APP_ADMIN")!;
    expect((await client.listAppTargets(bob, role.id)).map((a) => a.id ?? a.name)).toEqual([ORG.wiki]);
  });
});

describe("replace of a binding that owns its role", () => {
  it("a new role type is assigned and scoped before the old role is unassigned, and neither is ever unscoped", async () => {
    const alice: Principal = { kind: "user", id: ORG.alice };
    const old = await created({ kind: "group", userId: ORG.alice, roleType: "GROUP_MEMBERSHIP_ADMIN", assignRole: true, groupIds: [ORG.emea], __urn: urn("owner") });
    // The next run, as the engine replaces (create before delete): check and create the new, then delete the old.
    provider = freshProvider();
    org().emulator.clearRequests();
    const news: BindingInputs = { kind: "group", userId: ORG.alice, roleType: "USER_ADMIN", assignRole: true, groupIds: [ORG.apac], __urn: urn("owner") };
    expect((await provider.check(old, news)).failures ?? []).toEqual([]);
    await provider.create(news);
    await provider.delete("id", old);
    const writes = org().emulator.requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
    const newRole = (await client.listRoleAssignments(alice)).find((r) => r.type === "USER_ADMIN")!;
    expect(writes).toEqual([
      `POST /api/v1/users/${ORG.alice}/roles`,
      `PUT /api/v1/users/${ORG.alice}/roles/${newRole.id}/targets/groups/${ORG.apac}`,
      `DELETE /api/v1/users/${ORG.alice}/roles/${old.roleAssignmentId}`,
    ]);
    expect(await roleTypes(alice)).not.toContain("GROUP_MEMBERSHIP_ADMIN");
  });

  it("a create's preview says it will assign the role and which target comes first", async () => {
    const inputs: BindingInputs = { kind: "group", userId: ORG.bob, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: [ORG.eng, ORG.emea], __urn: urn("new-owner") };
    expect((await provider.check({} as BindingInputs, inputs)).failures ?? []).toEqual([]);
    expect(notices.join("\n")).toMatch(/assignRole: assigns HELP_DESK_ADMIN to user 00ubob00000000000001 and adds group 00geng00000000000001 as its first target/);
    expect(org().emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
  });
});

describe("a binding that scopes an owner's role, run at the same time", () => {
  it("finds the role only after the owner's first target is on it", async () => {
    const app = (name: string, kind: BindingInputs["kind"], extra: Partial<BindingInputs>): BindingInputs => ({ kind, userId: ORG.bob, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    const owner = app("catalog", "catalogApp", { appNames: ["salesforce"], assignRole: true });
    const user = app("instances", "appInstance", { apps: [{ appName: "bookmark", appId: ORG.wiki }] });
    for (const b of [owner, user]) expect((await provider.check({} as BindingInputs, b)).failures ?? []).toEqual([]);
    org().emulator.clearRequests();
    await Promise.all([provider.create(owner), provider.create(user)]);
    const log = org().emulator.requests();
    const post = log.findIndex((r) => r.method === "POST" && r.path.endsWith(`/${ORG.bob}/roles`));
    const role = (await client.listRoleAssignments({ kind: "user", id: ORG.bob })).find((r) => r.type === "APP_ADMIN")!;
    const onRole = log.slice(post + 1).filter((r) => r.path.includes(`/${ORG.bob}/roles`));
    expect(`${onRole[0].method} ${onRole[0].path}`).toBe(`PUT /api/v1/users/${ORG.bob}/roles/${role.id}/targets/catalog/apps/salesforce`);
  });
});

describe("owners in one program", () => {
  it("a second binding with assignRole on the same role is refused at check, naming both, with zero requests", async () => {
    const app = (name: string, kind: BindingInputs["kind"], extra: Partial<BindingInputs>): BindingInputs => ({ kind, userId: ORG.bob, roleType: "APP_ADMIN", assignRole: true, __urn: urn(name), ...extra });
    expect((await provider.check({} as BindingInputs, app("catalog", "catalogApp", { appNames: ["salesforce"] }))).failures ?? []).toEqual([]);
    const before = org().emulator.requests().length;
    const result = await provider.check({} as BindingInputs, app("instances", "appInstance", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }));
    expect(org().emulator.requests().length).toBe(before);
    expect(result.failures).toEqual([
      { property: "assignRole", reason: expect.stringMatching(/bindings "instances" and "catalog" both set assignRole: true for APP_ADMIN on user 00ubob00000000000001\. Only one binding may own/) },
    ]);
  });
});
