// Provider methods against the emulator: live bindings' claims, all-or-nothing writes, and what an unassigning delete sends.
import { BindingProvider } from "../../provider/binding-provider";
import { BindingInputs, BindingOutputs } from "../../provider/binding-types";
import { OktaApiError } from "../../sdk/errors";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { ORG } from "../helpers/test-org";
import { useEmulatedOrg } from "./helpers/emulated-org";

const org = useEmulatedOrg();
let client: OktaClient;
let notices: string[];
let provider: BindingProvider;

const alice: Principal = { kind: "user", id: ORG.alice };
const urn = (name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/okta-role-targets:GroupTargetBinding::${name}`;
const groupIds = async (ra = ORG.HELP_DESK_ADMIN) => (await client.listGroupTargets(alice, ra)).map((g) => g.id).sort();
const requestCount = () => org().emulator.requests().length;
const writes = () => org().emulator.requests().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

const hd = (name: string, groupIds: string[], extra: Partial<BindingInputs> = {}): BindingInputs => ({
  kind: "group",
  userId: ORG.alice,
  roleType: "HELP_DESK_ADMIN",
  groupIds,
  __urn: urn(name),
  ...extra,
});

async function checked(inputs: BindingInputs, olds: Partial<BindingInputs> = {}) {
  return provider.check(olds as BindingInputs, inputs);
}

async function created(inputs: BindingInputs): Promise<BindingOutputs> {
  expect((await checked(inputs)).failures ?? []).toEqual([]);
  return (await provider.create(inputs)).outs as BindingOutputs;
}

function freshProvider(api: () => OktaClient = () => client): BindingProvider {
  return new BindingProvider({ api, notify: (_i, _s, m) => notices.push(m) });
}

beforeEach(() => {
  client = org().client;
  notices = [];
  provider = freshProvider();
});

describe("overlapping bindings", () => {
  it.each<[string, BindingInputs["mode"], BindingInputs["mode"]]>([
    ["two authoritative bindings", "authoritative", "authoritative"],
    ["an authoritative and an additive binding", "authoritative", "additive"],
    ["an additive and an authoritative binding", "additive", undefined],
  ])("%s on one role and kind: the second check is refused naming both, with zero requests", async (_n, first, second) => {
    expect((await checked(hd("helpdesk-a", [ORG.emea], { mode: first }))).failures ?? []).toEqual([]);
    const before = requestCount();
    const result = await checked(hd("helpdesk-b", [ORG.apac], { mode: second }));
    expect(requestCount()).toBe(before);
    expect(result.failures).toHaveLength(1);
    expect(result.failures?.[0]?.property).toBe("mode");
    expect(result.failures?.[0]?.reason).toMatch(/bindings "helpdesk-b" and "helpdesk-a" both manage the group targets of HELP_DESK_ADMIN on user 00ualice/);
    expect(result.failures?.[0]?.reason).toMatch(/Merge them into one binding, or set mode: "additive" on both/);
  });

  it("two additive bindings on one role are accepted, and a binding checked again is not its own overlap", async () => {
    expect((await checked(hd("team-a", [ORG.emea], { mode: "additive" }))).failures ?? []).toEqual([]);
    expect((await checked(hd("team-b", [ORG.emea, ORG.apac], { mode: "additive" }))).failures ?? []).toEqual([]);
    expect((await checked(hd("team-b", [ORG.apac], { mode: "additive" }))).failures ?? []).toEqual([]);
  });

  it("bindings on different roles or principals never overlap", async () => {
    expect((await checked(hd("a", [ORG.emea]))).failures ?? []).toEqual([]);
    expect((await checked(hd("b", [ORG.emea], { roleType: "USER_ADMIN" }))).failures ?? []).toEqual([]);
    expect((await checked(hd("c", [ORG.emea], { userId: ORG.bob }))).failures ?? []).toEqual([]);
  });
});

describe("deletes keep what live bindings declare", () => {
  it("removing one of two additive bindings keeps the target the other still declares, and says so", async () => {
    const a = await created(hd("team-a", [ORG.emea, ORG.apac], { mode: "additive" }));
    const b = await created(hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }));
    provider = freshProvider(); // the next run: team-a left the program, team-b is checked, then team-a is deleted
    expect((await checked(hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }), b)).failures ?? []).toEqual([]);
    await provider.delete("id", a);
    expect(await groupIds()).toEqual([ORG.apac, ORG.eng].sort());
    expect(notices.join("\n")).toMatch(new RegExp(`^left group ${ORG.apac} \\(declared by "team-b"\\) on HELP_DESK_ADMIN of user ${ORG.alice}$`, "m"));
  });

  it("without the program (destroy --target, or the other binding in another stack) a delete sees no claims and removes its own targets, shared or not", async () => {
    const a = await created(hd("team-a", [ORG.emea, ORG.apac], { mode: "additive" }));
    await created(hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }));
    provider = freshProvider(); // a run that checks no binding
    await provider.delete("id", a);
    expect(await groupIds()).toEqual([ORG.eng]);
  });

  it("a renamed binding's old delete removes nothing the new one declares and never unassigns the role it took over", async () => {
    const old = await created(hd("hd", [ORG.emea, ORG.apac], { lastTarget: "unassignRole" }));
    // The next run: one provider process; the new name is checked and created before the old name is deleted.
    provider = freshProvider();
    await created(hd("hd-renamed", [ORG.emea, ORG.apac, ORG.eng], { lastTarget: "unassignRole" }));
    await provider.delete("id", old);
    expect(await groupIds()).toEqual([ORG.emea, ORG.apac, ORG.eng].sort());
    expect(writes().filter((w) => w.startsWith("DELETE"))).toEqual([]);
  });

  it("with unassignRole, a delete keeps the role and its last target when another live binding uses the role", async () => {
    const app = (name: string, extra: Partial<BindingInputs>): BindingInputs => ({ kind: "catalogApp", userId: ORG.alice, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    const catalog = await created(app("catalog", { appNames: ["slack"], lastTarget: "unassignRole" }));
    provider = freshProvider();
    expect((await checked({ ...app("instances", { apps: [{ appName: "bookmark", appId: ORG.wiki }] }), kind: "appInstance" })).failures ?? []).toEqual([]);
    await provider.delete("id", catalog);
    expect((await client.listRoleAssignments(alice)).map((r) => r.type)).toContain("APP_ADMIN");
    expect(notices.join("\n")).toMatch(/did not unassign APP_ADMIN from user 00ualice.*"instances" of this program uses the role/);
  });

  it("with unassignRole and no other binding on the role, the delete unassigns it with one read of the targets and one DELETE", async () => {
    const only = await created(hd("only", [ORG.emea], { lastTarget: "unassignRole" }));
    provider = freshProvider();
    org().emulator.clearRequests();
    await provider.delete("id", only);
    expect(org().emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN}/targets/groups`,
      `DELETE /api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN}`,
    ]);
    expect((await client.listRoleAssignments(alice)).map((r) => r.type)).not.toContain("HELP_DESK_ADMIN");
  });
});

describe("updates", () => {
  it("an additive update never removes a target another live binding declares", async () => {
    const a = await created(hd("team-a", [ORG.emea, ORG.apac], { mode: "additive" }));
    await created(hd("team-b", [ORG.apac], { mode: "additive" }));
    await provider.update("id", a, hd("team-a", [ORG.emea], { mode: "additive" }));
    expect(await groupIds()).toEqual([ORG.emea, ORG.apac].sort());
  });

  it("a binding checked after another binding's write took its target reports a change, and its update puts it back", async () => {
    const a = await created(hd("team-a", [ORG.emea, ORG.apac], { mode: "additive" }));
    const b = await created(hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }));
    provider = freshProvider(); // the next run: team-a is updated before team-b is checked
    expect((await checked(hd("team-a", [ORG.emea], { mode: "additive" }), a)).failures ?? []).toEqual([]);
    await provider.update("id", a, hd("team-a", [ORG.emea], { mode: "additive" }));
    expect(await groupIds()).not.toContain(ORG.apac);
    const diff = await provider.diff("id", b, hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }));
    expect(diff.changes).toBe(true);
    await provider.update("id", b, hd("team-b", [ORG.apac, ORG.eng], { mode: "additive" }));
    expect(await groupIds()).toEqual([ORG.emea, ORG.apac, ORG.eng].sort());
  });

  it("switches one app from catalog to instance in one run, whichever of the two bindings is checked first", async () => {
    const app = (name: string, extra: Partial<BindingInputs>): BindingInputs => ({ kind: "catalogApp", userId: ORG.alice, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    const catalog = await created(app("catalog", { appNames: ["salesforce", "slack"] }));
    provider = freshProvider();
    let woken: () => void = () => undefined;
    provider = new BindingProvider({ api: () => client, notify: (_i, _s, m) => notices.push(m), sleep: () => new Promise((r) => (woken = r)) });
    const instance: BindingInputs = { ...app("instances", { apps: [{ appName: "salesforce", appId: ORG.sfdc }] }), kind: "appInstance" };
    expect((await checked(instance)).failures ?? []).toEqual([]);
    const creating = provider.create(instance); // waits: the catalog target it would replace is not released yet
    expect((await checked(app("catalog", { appNames: ["slack"] }), catalog)).failures ?? []).toEqual([]);
    await provider.diff("id", catalog, app("catalog", { appNames: ["slack"] }));
    const outs = (await creating).outs as BindingOutputs;
    await provider.update("id", catalog, app("catalog", { appNames: ["slack"] }));
    expect(outs.apps).toEqual([{ appName: "salesforce", appId: ORG.sfdc }]);
    const targets = await client.listAppTargets(alice, ORG.APP_ADMIN);
    expect(targets.map((t) => t.id ?? t.name).sort()).toEqual([ORG.sfdc, "slack"].sort());
    woken();
  });

  it("an instance add over a catalog target nobody released is still refused once the wait ends", async () => {
    const app = (name: string, extra: Partial<BindingInputs>): BindingInputs => ({ kind: "appInstance", userId: ORG.alice, roleType: "APP_ADMIN", __urn: urn(name), ...extra });
    await client.assignCatalogAppTarget(alice, ORG.APP_ADMIN, "salesforce");
    provider = new BindingProvider({ api: () => client, notify: (_i, _s, m) => notices.push(m), sleep: async () => undefined });
    await expect(provider.create(app("instances", { apps: [{ appName: "salesforce", appId: ORG.sfdc }] }))).rejects.toThrow(/would make Okta drop catalog app salesforce/);
  });
});

describe("all or nothing", () => {
  function failingOn(nth: number): OktaClient {
    let adds = 0;
    return new Proxy(client, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== "assignGroupTarget") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: Parameters<OktaClient["assignGroupTarget"]>) => {
          if (++adds === nth) {
            throw new OktaApiError({ status: 403, method: "PUT", path: "/api/v1/users/x/roles/y/targets/groups/z", errorCode: "E0000006", errorSummary: "You do not have permission" });
          }
          return target.assignGroupTarget(...args);
        };
      },
    });
  }

  it("a create that fails after adding a target takes it back, so the role holds what it held before, and says so", async () => {
    await client.assignGroupTarget(alice, ORG.HELP_DESK_ADMIN, ORG.extra);
    const failing = failingOn(2);
    provider = freshProvider(() => failing);
    const inputs = hd("partial", [ORG.emea, ORG.apac], { mode: "additive" });
    await expect(provider.create(inputs)).rejects.toThrow(/Undid the add made before the failure \(group 00gapac/);
    expect(await groupIds()).toEqual([ORG.extra]);
  });

  it("keeps the targets it added when the role had none before, since taking them back would widen it to all groups", async () => {
    const failing = failingOn(2);
    provider = freshProvider(() => failing);
    await expect(provider.create(hd("partial", [ORG.emea, ORG.apac]))).rejects.toThrow(/Kept group 00gapac.*the role had no group targets before, so it applied to ALL groups/s);
    expect(await groupIds()).toEqual([ORG.apac]);
  });
});
