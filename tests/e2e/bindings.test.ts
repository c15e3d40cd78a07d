// The bindings on the real Pulumi engine, installed from the packed tarball, against the emulator:
// every principal kind and target kind through up, no-op preview, update, drift, remediation and destroy.
import { startEmulator } from "../../emulator";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { exitCodeOf } from "../helpers/exit-code";
import { BINDING_PROGRAM, BindingSpec, bindingConfig } from "../helpers/binding-program";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG, testOrgSeed } from "../helpers/test-org";

jest.setTimeout(300_000);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let client: OktaClient;

const alice: Principal = { kind: "user", id: ORG.alice };
const bob: Principal = { kind: "user", id: ORG.bob };
const itAdmins: Principal = { kind: "group", id: ORG.itAdmins };
const svc: Principal = { kind: "client", id: ORG.client };

const groups = async (p: Principal, ra: string) => (await client.listGroupTargets(p, ra)).map((g) => g.id).sort();
const apps = async (p: Principal, ra: string) => (await client.listAppTargets(p, ra)).map((a) => a.id ?? a.name).sort();

function specs(overrides: { aliceGroups?: string[]; lastTarget?: Record<string, string> } = {}): BindingSpec[] {
  const lt = overrides.lastTarget ?? {};
  return [
    { type: "GroupTargetBinding", name: "alice-helpdesk", args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: overrides.aliceGroups ?? [ORG.emea, ORG.apac], lastTarget: lt["alice-helpdesk"] } },
    { type: "GroupTargetBinding", name: "bob-users", args: { userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.eng], lastTarget: lt["bob-users"] } },
    { type: "GroupTargetBinding", name: "it-users", args: { groupId: ORG.itAdmins, roleAssignmentId: ORG.USER_ADMIN, groupIds: [ORG.eng], lastTarget: lt["it-users"] } },
    { type: "GroupTargetBinding", name: "svc-helpdesk", args: { clientId: ORG.client, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea], lastTarget: lt["svc-helpdesk"] } },
    { type: "AppTargetBinding", name: "svc-apps", args: { clientId: ORG.client, roleType: "APP_ADMIN", appNames: ["salesforce", "slack"], lastTarget: lt["svc-apps"] } },
    { type: "AppInstanceTargetBinding", name: "it-apps", args: { groupId: ORG.itAdmins, roleType: "APP_ADMIN", apps: [{ appName: "bookmark", appId: ORG.wiki }, { appName: "salesforce", appId: ORG.sfdc }], lastTarget: lt["it-apps"] } },
    { type: "AppInstanceTargetBinding", name: "alice-apps", args: { userId: ORG.alice, roleType: "APP_ADMIN", apps: [{ appName: "bookmark", appId: ORG.wiki }], lastTarget: lt["alice-apps"] } },
  ];
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } });
});
afterAll(async () => emulator?.close());

describe("the bindings on the real engine", () => {
  let p: TestProgram;
  beforeAll(async () => {
    p = await createProgram({ project: "bindings-e2e", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, specs()) });
  });
  afterAll(async () => p?.cleanup());

  it("creates targets for users, groups and clients, adopting what was there", async () => {
    const up = await p.up();
    expect(up.summary.resourceChanges).toEqual({ create: 8 });
    expect(await groups(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
    expect(await groups(bob, ORG.USER_ADMIN)).toEqual([ORG.eng]); // adopted: Extra reconciled away
    expect(await groups(itAdmins, ORG.USER_ADMIN)).toEqual([ORG.eng]);
    expect(await groups(svc, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
    expect(await apps(svc, ORG.APP_ADMIN)).toEqual(["salesforce", "slack"]);
    expect(await apps(itAdmins, ORG.APP_ADMIN)).toEqual([ORG.sfdc, ORG.wiki]);
    expect(await apps(alice, ORG.APP_ADMIN)).toEqual([ORG.wiki]);
    const out = up.outputs.bindings.value;
    expect(out["alice-helpdesk"].targets.map((t: { name: string }) => t.name)).toEqual(["Sales EMEA", "Sales APAC"]);
    expect(out["it-apps"].targets.map((t: { name: string }) => t.name)).toEqual(["Wiki", "Salesforce EU"]);
  });

  it("shows no changes when the same program is previewed again", async () => {
    const preview = await p.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 8 });
  });

  it("updates a changed set in place", async () => {
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs({ aliceGroups: [ORG.apac, ORG.eng] })) });
    const up = await p.up();
    expect(up.summary.resourceChanges).toEqual({ update: 1, same: 7 });
    expect(await groups(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.eng]);
  });

  it("catches a change made by hand with preview --refresh --expect-no-changes, and up --refresh fixes it", async () => {
    await client.assignGroupTarget(alice, ORG.HELP_DESK_ADMIN, ORG.extra);
    await client.removeAppInstanceTarget(itAdmins, ORG.APP_ADMIN, "salesforce", ORG.sfdc);
    const err = await p.preview({ refresh: true, expectNoChanges: true, diff: true }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeDefined();
    expect(exitCodeOf(err)).toBe(7);
    expect(p.output()).toContain(ORG.extra);
    const up = await p.up({ refresh: true });
    expect(up.summary.resourceChanges).toEqual({ update: 2, same: 6 });
    expect(await groups(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.eng]);
    expect(await apps(itAdmins, ORG.APP_ADMIN)).toEqual([ORG.sfdc, ORG.wiki]);
    await expect(p.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
  });

  it("keeps no API token in the state file, and stores the provider as a require of the installed package", async () => {
    const state = p.stateText();
    expect(state).not.toContain(ORG.token);
    const providers = [...state.matchAll(/"__provider":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect(provider).toContain('require(\\"pulumi-okta-role-targets/provider-methods\\")');
      expect(provider.length).toBeLessThan(512);
    }
  });

  it("destroys under all three lastTarget policies without ever widening a role", async () => {
    const lastTarget = { "alice-helpdesk": "retain", "it-users": "unassignRole", "svc-helpdesk": "fail" };
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs({ aliceGroups: [ORG.apac, ORG.eng], lastTarget })) });
    await p.up();
    const failed = await p.destroy().then(() => undefined, (e: unknown) => e);
    expect(String(failed)).toMatch(/refusing to delete.*lastTarget is "fail"/s);
    expect(p.output()).toMatch(/kept group 00g\w+ "[^"]+" on HELP_DESK_ADMIN of user 00ualice.*ALL groups/s);
    expect((await groups(alice, ORG.HELP_DESK_ADMIN)).length).toBe(1); // retained, still narrowly scoped
    expect(await client.findRoleAssignment(itAdmins, "USER_ADMIN")).toBeUndefined(); // unassigned as asked
    expect(await groups(svc, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]); // refused, untouched

    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs({ lastTarget: { ...lastTarget, "svc-helpdesk": "retain" } }).filter((s) => s.name === "svc-helpdesk")) });
    await p.up();
    const destroy = await p.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await groups(svc, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
  });
});

describe("catalog-vs-instance conflicts on the real engine", () => {
  it("stops with an error naming the instance target a catalog target would replace, and writes nothing", async () => {
    const p = await createProgram({
      project: "conflict-e2e",
      program: BINDING_PROGRAM,
      config: bindingConfig(emulator.url, ORG.token, [
        { type: "AppTargetBinding", name: "svc-catalog", args: { clientId: ORG.client, roleType: "APP_ADMIN", appNames: ["salesforce"] } },
      ]),
    });
    try {
      await fetch(`${emulator.url}/__emulator/reset`, { method: "POST" });
      await client.assignAppInstanceTarget(svc, ORG.APP_ADMIN, "salesforce", ORG.sfdc);
      const err = await p.up().then(() => undefined, (e: unknown) => e);
      expect(String(err)).toMatch(/catalog app salesforce would make Okta drop app instance salesforce\/0oasfdc0000000000001/);
      expect(await apps(svc, ORG.APP_ADMIN)).toEqual([ORG.sfdc]);
    } finally {
      await p.cleanup();
    }
  });
});
