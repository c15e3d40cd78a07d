// Provider methods called directly against the emulator: the fast cases of create, update, read and delete.
import { BindingProvider } from "../../provider/binding-provider";
import { BindingInputs, BindingOutputs } from "../../provider/binding-types";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { ORG } from "../helpers/test-org";
import { useEmulatedOrg } from "./helpers/emulated-org";

const org = useEmulatedOrg();
let client: OktaClient;
let warnings: string[];
let provider: BindingProvider;

const alice: Principal = { kind: "user", id: ORG.alice };
const bob: Principal = { kind: "user", id: ORG.bob };
const itAdmins: Principal = { kind: "group", id: ORG.itAdmins };
const svc: Principal = { kind: "client", id: ORG.client };

async function writes(): Promise<string[]> {
  const res = await fetch(`${org().emulator.url}/__emulator/requests`);
  const log = (await res.json()) as { method: string; path: string }[];
  return log.filter((r) => r.method === "PUT" || r.method === "DELETE" || r.method === "POST").map((r) => `${r.method} ${r.path}`);
}

async function created(inputs: BindingInputs): Promise<BindingOutputs> {
  const check = await provider.check({} as BindingInputs, inputs);
  expect(check.failures ?? []).toEqual([]);
  return (await provider.create(inputs)).outs as BindingOutputs;
}

const groupIds = async (p: Principal, ra: string) => (await client.listGroupTargets(p, ra)).map((g) => g.id).sort();
const appTargets = async (p: Principal, ra: string) => (await client.listAppTargets(p, ra)).map((a) => a.id ?? a.name).sort();

beforeEach(() => {
  client = org().client;
  warnings = [];
  provider = new BindingProvider({ api: () => client, notify: (_inputs, severity, m) => { if (severity === "warning") warnings.push(m); } });
});

describe("GroupTargetBinding provider", () => {
  it("creates group targets on a user's unscoped role and reports their names", async () => {
    const outs = await created({ kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea, ORG.apac] });
    expect(outs.groupIds).toEqual([ORG.emea, ORG.apac]); // the program's order, so diffs show only real changes
    expect(outs.targets.map((t) => t.name)).toEqual(["Sales EMEA", "Sales APAC"]);
    expect(outs).toMatchObject({ principalType: "user", principalId: ORG.alice, roleAssignmentId: ORG.HELP_DESK_ADMIN, roleType: "HELP_DESK_ADMIN" });
    expect(await groupIds(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
  });

  it("adopts existing targets: an authoritative create adds its own before removing undeclared ones", async () => {
    const outs = await created({ kind: "group", userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.eng] });
    expect(outs.groupIds).toEqual([ORG.eng]);
    expect(await groupIds(bob, ORG.USER_ADMIN)).toEqual([ORG.eng]);
    const w = await writes();
    expect(w).toEqual([
      `PUT /api/v1/users/${ORG.bob}/roles/${ORG.USER_ADMIN}/targets/groups/${ORG.eng}`,
      `DELETE /api/v1/users/${ORG.bob}/roles/${ORG.USER_ADMIN}/targets/groups/${ORG.extra}`,
    ]);
  });

  it("leaves targets it does not own in place in additive mode", async () => {
    const outs = await created({ kind: "group", userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.eng], mode: "additive" });
    expect(outs.groupIds).toEqual([ORG.eng]);
    expect(await groupIds(bob, ORG.USER_ADMIN)).toEqual([ORG.eng, ORG.extra].sort());
  });

  it("updates a group's role by adding the new target before removing the old one", async () => {
    const inputs: BindingInputs = { kind: "group", groupId: ORG.itAdmins, roleType: "USER_ADMIN", groupIds: [ORG.emea] };
    const olds = await created(inputs);
    await fetch(`${org().emulator.url}/__emulator/requests`, { method: "DELETE" });
    const { outs } = await provider.update("id", olds, { ...inputs, groupIds: [ORG.apac] });
    expect(outs?.groupIds).toEqual([ORG.apac]);
    expect(await writes()).toEqual([
      `PUT /api/v1/groups/${ORG.itAdmins}/roles/${ORG.USER_ADMIN}/targets/groups/${ORG.apac}`,
      `DELETE /api/v1/groups/${ORG.itAdmins}/roles/${ORG.USER_ADMIN}/targets/groups/${ORG.emea}`,
    ]);
  });

  it("reads drift made by hand into both props and inputs", async () => {
    const olds = await created({ kind: "group", clientId: ORG.client, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] });
    await client.assignGroupTarget(svc, ORG.HELP_DESK_ADMIN, ORG.extra);
    const r = await provider.read("id", olds);
    expect(r.props?.groupIds).toEqual([ORG.emea, ORG.extra].sort());
    expect(r.inputs?.groupIds).toEqual([ORG.emea, ORG.extra].sort());
    expect(r.props?.targets.map((t) => t.name).sort()).toEqual(["Extra", "Sales EMEA"]);
  });

  it("reads an empty id once the role assignment is gone", async () => {
    const olds = await created({ kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] });
    await client.unassignRole(alice, ORG.HELP_DESK_ADMIN);
    expect((await provider.read("id", olds)).id).toBe("");
  });

  it("explains which resource assigns a role the principal does not hold", async () => {
    await expect(provider.create({ kind: "group", userId: ORG.alice, roleType: "USER_ADMIN", groupIds: [ORG.emea] })).rejects.toThrow(
      /does not hold the USER_ADMIN role.*okta\.UserAdminRoles.*dependsOn/s,
    );
  });

  it("refuses a role assignment id whose role does not take group targets", async () => {
    await expect(
      provider.create({ kind: "group", userId: ORG.alice, roleAssignmentId: ORG.APP_ADMIN, groupIds: [ORG.emea] }),
    ).rejects.toThrow(/is APP_ADMIN, which does not take group targets/);
  });
});

describe("deleting a binding never widens the role", () => {
  const inputs = (lastTarget: BindingInputs["lastTarget"]): BindingInputs => ({
    kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea, ORG.apac], lastTarget,
  });

  it("retains the last target and warns under lastTarget retain", async () => {
    const olds = await created(inputs("retain"));
    await provider.delete("id", olds);
    expect(await groupIds(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
    expect(warnings.join("\n")).toMatch(/kept group 00gemea.*last target.*ALL groups/s);
  });

  it("removes the role assignment itself under lastTarget unassignRole", async () => {
    const olds = await created(inputs("unassignRole"));
    await provider.delete("id", olds);
    expect(await client.findRoleAssignment(alice, "HELP_DESK_ADMIN")).toBeUndefined();
  });

  it("refuses with an explanation under lastTarget fail and changes nothing", async () => {
    const olds = await created(inputs("fail"));
    await fetch(`${org().emulator.url}/__emulator/requests`, { method: "DELETE" });
    await expect(provider.delete("id", olds)).rejects.toThrow(/refusing to delete.*ALL groups.*lastTarget is "fail"/s);
    expect(await writes()).toEqual([]);
    expect(await groupIds(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
  });

  it("removes all its targets when others remain on the role", async () => {
    const olds = await created({ kind: "group", userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.eng], mode: "additive" });
    await provider.delete("id", olds);
    expect(await groupIds(bob, ORG.USER_ADMIN)).toEqual([ORG.extra]);
    expect(warnings).toEqual([]);
  });

  it("serializes two bindings deleting from one role at once, so the second keeps the last target", async () => {
    const a = await created({ kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea], mode: "additive" });
    const b = await created({ kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.apac], mode: "additive" });
    await Promise.all([provider.delete("a", a), provider.delete("b", b)]);
    expect(await groupIds(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac]);
    expect(warnings).toHaveLength(1);
  });

  it("reads and plans again when another writer takes the role's other targets mid-delete", async () => {
    const a = await created({ kind: "group", userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea], mode: "additive" });
    await client.assignGroupTarget(alice, ORG.HELP_DESK_ADMIN, ORG.apac);
    let raced = false;
    const racing = new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== "removeGroupTarget" || raced) {
          const v = Reflect.get(target, prop, receiver);
          return typeof v === "function" ? v.bind(target) : v;
        }
        return async (...args: Parameters<OktaClient["removeGroupTarget"]>) => {
          raced = true;
          await target.removeGroupTarget(alice, ORG.HELP_DESK_ADMIN, ORG.apac); // someone else, just before us
          return target.removeGroupTarget(...args);
        };
      },
    });
    const racy = new BindingProvider({ api: () => racing, notify: (_inputs, severity, m) => { if (severity === "warning") warnings.push(m); } });
    await racy.delete("a", a);
    expect(raced).toBe(true);
    expect(await groupIds(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
    expect(warnings.join("\n")).toMatch(/kept group 00gemea/);
  });

  it("counts an already deleted role assignment as deleted", async () => {
    const olds = await created(inputs("retain"));
    await client.unassignRole(alice, ORG.HELP_DESK_ADMIN);
    await expect(provider.delete("id", olds)).resolves.toBeUndefined();
  });
});

describe("app bindings", () => {
  it("scopes an OAuth client's APP_ADMIN to OIN catalog apps with their display names", async () => {
    const outs = await created({ kind: "catalogApp", clientId: ORG.client, roleType: "APP_ADMIN", appNames: ["slack", "salesforce"] });
    expect(outs.appNames).toEqual(["slack", "salesforce"]);
    expect(outs.targets.every((t) => t.id === undefined && t.displayName.length > 0)).toBe(true);
    expect(await appTargets(svc, ORG.APP_ADMIN)).toEqual(["salesforce", "slack"]);
  });

  it("scopes a group's APP_ADMIN to app instances, labelled without extra lookups", async () => {
    const outs = await created({
      kind: "appInstance", groupId: ORG.itAdmins, roleType: "APP_ADMIN",
      apps: [{ appName: "salesforce", appId: ORG.sfdc }, { appName: "bookmark", appId: ORG.wiki }],
    });
    expect(outs.apps).toEqual([{ appName: "salesforce", appId: ORG.sfdc }, { appName: "bookmark", appId: ORG.wiki }]);
    expect(outs.targets.map((t) => t.name)).toEqual(["Salesforce EU", "Wiki"]);
  });

  it("applies app instances without looking them up: check named them, create matches by id", async () => {
    const inputs: BindingInputs = {
      kind: "appInstance", groupId: ORG.itAdmins, roleType: "APP_ADMIN",
      apps: [{ appName: "salesforce", appId: ORG.sfdc }, { appName: "bookmark", appId: ORG.wiki }],
    };
    const checked = await provider.check({} as BindingInputs, inputs);
    const appGets = async () => ((await (await fetch(`${org().emulator.url}/__emulator/requests`)).json()) as { method: string; path: string }[])
      .filter((r) => r.method === "GET" && r.path.startsWith("/api/v1/apps/")).map((r) => r.path);
    expect(await appGets()).toEqual([`/api/v1/apps/${ORG.sfdc}`, `/api/v1/apps/${ORG.wiki}`]);
    expect(checked.inputs?.targetNames).toEqual({ [ORG.sfdc]: "Salesforce EU (salesforce)", [ORG.wiki]: "Wiki (bookmark)" });
    await fetch(`${org().emulator.url}/__emulator/requests`, { method: "DELETE" });
    await provider.create(checked.inputs as BindingInputs);
    expect(await appGets()).toEqual([]);
  });

  it("refuses a catalog target that would silently replace someone else's instance target, writing nothing", async () => {
    await client.assignAppInstanceTarget(svc, ORG.APP_ADMIN, "salesforce", ORG.sfdc);
    await fetch(`${org().emulator.url}/__emulator/requests`, { method: "DELETE" });
    await expect(
      provider.create({ kind: "catalogApp", clientId: ORG.client, roleType: "APP_ADMIN", appNames: ["salesforce"] }),
    ).rejects.toThrow(/catalog app salesforce would make Okta drop app instance salesforce\/0oasfdc.*"Salesforce EU"/s);
    expect(await writes()).toEqual([]);
    expect(await appTargets(svc, ORG.APP_ADMIN)).toEqual([ORG.sfdc]);
  });

  it("refuses an instance target that would silently replace someone else's catalog target", async () => {
    await client.assignCatalogAppTarget(alice, ORG.APP_ADMIN, "salesforce");
    await expect(
      provider.create({ kind: "appInstance", userId: ORG.alice, roleType: "APP_ADMIN", apps: [{ appName: "salesforce", appId: ORG.sfdc }] }),
    ).rejects.toThrow(/app instance salesforce\/0oasfdc0000000000001 would make Okta drop catalog app salesforce/);
    expect(await appTargets(alice, ORG.APP_ADMIN)).toEqual(["salesforce"]);
  });

  it("removes a foreign instance target in authoritative mode after looking up only its app name", async () => {
    await client.assignAppInstanceTarget(alice, ORG.APP_ADMIN, "salesforce", ORG.sfdc);
    const outs = await created({ kind: "appInstance", userId: ORG.alice, roleType: "APP_ADMIN", apps: [{ appName: "bookmark", appId: ORG.wiki }] });
    expect(outs.apps).toEqual([{ appName: "bookmark", appId: ORG.wiki }]);
    expect(await appTargets(alice, ORG.APP_ADMIN)).toEqual([ORG.wiki]);
  });

  it("leaves instance targets alone when a catalog binding changes other apps", async () => {
    await client.assignAppInstanceTarget(itAdmins, ORG.APP_ADMIN, "bookmark", ORG.wiki);
    await client.assignAppInstanceTarget(itAdmins, ORG.APP_ADMIN, "salesforce", ORG.sfdc);
    const outs = await created({ kind: "catalogApp", groupId: ORG.itAdmins, roleType: "APP_ADMIN", appNames: ["slack"] });
    expect(outs.appNames).toEqual(["slack"]);
    expect(await appTargets(itAdmins, ORG.APP_ADMIN)).toEqual([ORG.sfdc, ORG.wiki, "slack"].sort());
  });
});
