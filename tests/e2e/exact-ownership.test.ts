// Exact ownership on the real engine: renames, replacements, moves between stacks, shared additive
// targets, refused overlaps, undone failed writes and a catalog→instance switch, each judged by
// Okta's end state, the request log (no role ever passes through zero targets) and the engine's output.
import { ConfigMap, EngineEvent } from "@pulumi/pulumi/automation";
import { startEmulator } from "../../emulator";
import { OktaClient } from "../../sdk/okta-client";
import { exitCodeOf } from "../helpers/exit-code";
import { BINDING_PROGRAM, BindingSpec, bindingConfig } from "../helpers/binding-program";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG, testOrgSeed } from "../helpers/test-org";
import { allSettled, isApiWrite, recordCompletions, targetsIn, unscopedMoments } from "../reliability/helpers/log-audit";
import { faultRequestAfter } from "../reliability/helpers/fault-once";

jest.setTimeout(600_000);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let client: OktaClient;
let programs: TestProgram[] = [];

const failure = (run: Promise<unknown>) => run.then(() => undefined, (e: unknown) => e);
const outcome = (run: Promise<unknown>) => run.then(() => "exit 0", (e: unknown) => `exit ${exitCodeOf(e)}: ${String(e)}`);
const groupsOf = (principal: string, role: string) => targetsIn(emulator.state(), principal, role)?.groups;
const appsOf = (principal: string, role: string) => targetsIn(emulator.state(), principal, role)?.apps;
const writes = (since: number) => emulator.requests(since).filter(isApiWrite).map((r) => `${r.method} ${r.path} → ${r.status}`);

const group = (name: string, principal: Record<string, string>, roleType: string, groupIds: string[], extra: Record<string, unknown> = {}): BindingSpec => ({
  type: "GroupTargetBinding",
  name,
  args: { ...principal, roleType, groupIds, ...extra },
});
const aliceHd = (name: string, groupIds: string[], extra: Record<string, unknown> = {}) => group(name, { userId: ORG.alice }, "HELP_DESK_ADMIN", groupIds, extra);

/** A fresh stack of the binding program with these bindings, removed after the test. */
async function stack(project: string, bindings: BindingSpec[], config: ConfigMap = {}): Promise<TestProgram> {
  const p = await createProgram({ project, program: BINDING_PROGRAM, config: { ...bindingConfig(emulator.url, ORG.token, bindings), ...config } });
  programs.push(p);
  return p;
}

const declare = (p: TestProgram, bindings: BindingSpec[]) => p.stack.setConfig("e2e:bindings", { value: JSON.stringify(bindings) });

/** Diagnostics the engine attached to the binding `name` since event `since`. */
function diagnosticsOf(p: TestProgram, name: string, since = 0): { severity: string; message: string }[] {
  return p
    .events()
    .slice(since)
    .flatMap((e: EngineEvent) => (e.diagnosticEvent ? [e.diagnosticEvent] : []))
    .filter((d) => (d.urn ?? "").endsWith(`::${name}`));
}

/**
 * Resets the org and starts watching the request log; the returned check lists every moment
 * a role assignment was unassigned, widened or left with zero targets since then.
 */
function auditFromHere(): () => Promise<string[]> {
  emulator.reset();
  const start = emulator.state();
  const since = emulator.requests().length;
  const completions = recordCompletions(emulator);
  return async () => {
    const entries = await allSettled(emulator, since);
    completions.stop();
    return unscopedMoments(start, entries, completions.order());
  };
}

beforeAll(async () => {
  // alice also holds USER_ADMIN (scoped to Extra), so a binding can move between two of her roles.
  const seed = testOrgSeed();
  seed.roleAssignments = [...(seed.roleAssignments ?? []), { principal: { user: ORG.alice }, type: "USER_ADMIN", groupTargets: [ORG.extra] }];
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed });
  client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } });
});
afterEach(async () => {
  for (const p of programs) await p.cleanup();
  programs = [];
});
afterAll(async () => emulator?.close());

describe("a binding renamed without an alias", () => {
  it.each([
    ["retain (the default)", {}],
    ["unassignRole", { lastTarget: "unassignRole" }],
  ])("with lastTarget %s, the old name's delete removes nothing the new name declares, keeps the role, and the next preview and drift check are clean", async (_policy, extra) => {
    const audit = auditFromHere();
    const p = await stack("rename", [aliceHd("hd", [ORG.emea, ORG.apac], extra)]);
    await p.up();
    await declare(p, [aliceHd("hd-renamed", [ORG.emea, ORG.apac], extra)]);
    const before = emulator.requests().length;
    const renamed = await p.up();
    expect(renamed.summary.resourceChanges).toEqual({ create: 1, delete: 1, same: 1 });
    expect(writes(before)).toEqual([]);
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
    expect(await client.findRoleAssignment({ kind: "user", id: ORG.alice }, "HELP_DESK_ADMIN")).toBeDefined();
    expect((await p.preview({ expectNoChanges: true })).changeSummary).toEqual({ same: 2 });
    await expect(p.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
    expect(await audit()).toEqual([]);
  });
});

describe("a replaced binding", () => {
  it.each([
    ["the principal (alice → the service app)", group("hd", { clientId: ORG.client }, "HELP_DESK_ADMIN", [ORG.emea, ORG.apac]), ORG.client, ORG.HELP_DESK_ADMIN],
    ["the roleType (HELP_DESK_ADMIN → USER_ADMIN)", group("hd", { userId: ORG.alice }, "USER_ADMIN", [ORG.emea, ORG.apac]), ORG.alice, ORG.USER_ADMIN],
  ])("changing %s keeps every target the new binding declares, and the old role keeps one target", async (_what, replacement, principal, role) => {
    const audit = auditFromHere();
    const p = await stack("replace", [aliceHd("hd", [ORG.emea, ORG.apac])]);
    await p.up();
    await declare(p, [replacement]);
    const up = await p.up();
    expect(up.summary.resourceChanges).toEqual({ replace: 1, same: 1 });
    expect(groupsOf(principal, role)).toEqual([ORG.apac, ORG.emea]);
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toHaveLength(1); // retained, so the old role stays narrowly scoped
    await expect(p.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
    expect(await audit()).toEqual([]);
  });
});

describe("a binding moved from stack A to stack B", () => {
  it("LIMITATION: with B's additive binding added first, A's delete cannot see B's claim (another run), so it removes B's targets but the last; B's drift check catches it and B's up --refresh restores them", async () => {
    const audit = auditFromHere();
    const a = await stack("move-a", [aliceHd("hd", [ORG.emea, ORG.apac])]);
    const b = await stack("move-b", [aliceHd("hd", [ORG.emea, ORG.apac], { mode: "additive" })]);
    await a.up();
    let since = emulator.requests().length;
    await b.up();
    expect(writes(since)).toEqual([]); // B adopts what A put there

    await declare(a, []);
    since = emulator.requests().length;
    await a.up();
    // A removed one of the two targets B declares and kept the other as the role's last target.
    expect(writes(since)).toHaveLength(1);
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toHaveLength(1);

    const drift = await failure(b.preview({ refresh: true, expectNoChanges: true }));
    expect(exitCodeOf(drift)).toBe(7);
    await b.up({ refresh: true });
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
    await expect(b.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
    expect(await audit()).toEqual([]);
  });

  it("with retainOnDelete set in A before the binding is removed there, B's targets survive untouched and A writes nothing", async () => {
    const audit = auditFromHere();
    const a = await stack("move-a", [aliceHd("hd", [ORG.emea, ORG.apac])]);
    const b = await stack("move-b", [aliceHd("hd", [ORG.emea, ORG.apac], { mode: "additive" })]);
    await a.up();
    await b.up();
    await declare(a, [{ ...aliceHd("hd", [ORG.emea, ORG.apac]), opts: { retainOnDelete: true } }]);
    await a.up();
    await declare(a, []);
    const since = emulator.requests().length;
    await a.up();
    expect(writes(since)).toEqual([]);
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
    await expect(b.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
    expect(await audit()).toEqual([]);
  });
});

describe("a delete with lastTarget unassignRole racing another stack's add", () => {
  it("LIMITATION: an add from another stack that lands between the delete's one read and its unassign is lost with the role; both ups succeed and the other stack's drift check catches it", async () => {
    const audit = auditFromHere();
    const rolePath = `/api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN}`;
    const roleTargets = `${rolePath}/targets/groups`;
    const isTargetList = (e: { method: string; path: string }) => e.method === "GET" && e.path === roleTargets;
    // A's unassign is held while B runs; the limit is per attempt, so it must outlast B's whole up.
    const a = await stack("race-a", [aliceHd("hd", [ORG.emea], { lastTarget: "unassignRole" })], { "okta:requestTimeout": { value: "300" } });
    const b = await stack("race-b", []);
    await a.up();
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);

    await declare(a, []);
    await declare(b, [aliceHd("hd", [ORG.apac], { mode: "additive" })]);
    const since = emulator.requests().length;
    // A slowed request computes its answer when the hold ends: holding the request right after
    // A's read of the targets (its unassign) lets B's add land inside the one-round-trip window.
    const held = faultRequestAfter(emulator, isTargetList, "slow", 600_000);
    const aUp = outcome(a.up());
    const victim = await Promise.race([held, aUp.then((o) => Promise.reject(new Error(`A's up ended before a request was held (${o})`)))]);
    const bUp = await outcome(b.up());
    emulator.releaseSlow();
    emulator.setFaults(undefined);
    expect(await aUp).toBe("exit 0");
    expect(bUp).toBe("exit 0");

    const log = await allSettled(emulator, since);
    expect(log.find((e) => e.index === victim.index)).toMatchObject({ method: "DELETE", path: rolePath, fault: "slow", status: 204 });
    // In arrival order: A's unassign arrived first and was answered after B's add.
    expect(writes(since)).toEqual([`DELETE ${rolePath} → 204`, `PUT ${roleTargets}/${ORG.apac} → 204`]);
    expect(await client.findRoleAssignment({ kind: "user", id: ORG.alice }, "HELP_DESK_ADMIN")).toBeUndefined();
    await expect(b.preview({ refresh: true, expectNoChanges: true })).rejects.toThrow();
    // The role A was told to unassign is the one change the audit reports: no role ever went to zero targets.
    expect(await audit()).toEqual([`role unassigned: #${victim.index} DELETE ${rolePath} → 204`]);
  });
});

describe("additive bindings sharing a target", () => {
  it("removing teamA keeps the group teamB also declares, removes only teamA's own, and names the kept group and its owner", async () => {
    const audit = auditFromHere();
    const teamA = aliceHd("teamA", [ORG.emea, ORG.apac], { mode: "additive" });
    const teamB = aliceHd("teamB", [ORG.apac, ORG.eng], { mode: "additive" });
    const p = await stack("shared", [teamA, teamB]);
    await p.up();
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea, ORG.eng].sort());

    await declare(p, [teamB]);
    const since = emulator.requests().length;
    const events = p.events().length;
    const up = await p.up();
    expect(up.summary.resourceChanges).toEqual({ delete: 1, same: 2 });
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.eng].sort());
    expect(writes(since)).toEqual([`DELETE /api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN}/targets/groups/${ORG.emea} → 204`]);
    const notes = diagnosticsOf(p, "teamA", events).map((d) => `${d.severity}: ${d.message}`);
    expect(notes).toEqual([expect.stringMatching(new RegExp(`^info: left group ${ORG.apac} \\(declared by "teamB"\\)`))]);
    expect(await audit()).toEqual([]);
  });

  it.each([[false], [true]])("pulumi destroy (runProgram: %s) of both removes every target and, with unassignRole, the role: no binding stays live to claim the shared one", async (runProgram) => {
    const audit = auditFromHere();
    const teamA = aliceHd("teamA", [ORG.emea, ORG.apac], { mode: "additive", lastTarget: "unassignRole" });
    const teamB = aliceHd("teamB", [ORG.apac, ORG.eng], { mode: "additive", lastTarget: "unassignRole" });
    const p = await stack(`destroy-shared-${runProgram}`, [teamA, teamB]);
    await p.up();
    expect(groupsOf(ORG.alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea, ORG.eng].sort());

    await p.destroy({ runProgram });
    expect((await client.listRoleAssignments({ kind: "user", id: ORG.alice })).map((r) => r.type)).not.toContain("HELP_DESK_ADMIN");
    // The one unscoped moment is the unassign itself, asked for by lastTarget.
    const unassign = new RegExp(`^role unassigned: #\\d+ DELETE /api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN} → 204$`);
    expect(await audit()).toEqual([expect.stringMatching(unassign)]);
  });
});

describe("overlapping bindings on one role", () => {
  it.each([["authoritative"], ["additive"]])("an authoritative and an %s binding on the same role and kind are refused at preview, naming both, with no write", async (mode) => {
    const audit = auditFromHere();
    const p = await stack("overlap", [aliceHd("hd-a", [ORG.emea]), aliceHd("hd-b", [ORG.apac], { mode })]);
    const since = emulator.requests().length;
    const err = String(await failure(p.preview()));
    expect(err).toMatch(/bindings "hd-[ab]" and "hd-[ab]" both manage the group targets of HELP_DESK_ADMIN/);
    expect(err).toContain('"hd-a" ');
    expect(err).toContain('"hd-b" ');
    expect(writes(since)).toEqual([]);
    expect(await audit()).toEqual([]);
  });
});

describe("a create that fails part-way", () => {
  it("takes back the target it added, so the role holds exactly what it held before, and the error says what was undone", async () => {
    const audit = auditFromHere();
    const bobTargets = `/api/v1/users/${ORG.bob}/roles/${ORG.USER_ADMIN}/targets/groups/`;
    const p = await stack("undo", [group("bob-more", { userId: ORG.bob }, "USER_ADMIN", [ORG.emea, ORG.apac], { mode: "additive" })], {
      "okta:maxRetries": { value: "0" }, // the injected 500 is final
    });
    expect(groupsOf(ORG.bob, ORG.USER_ADMIN)).toEqual([ORG.extra]);
    // The second target add fails: the request right after the first one.
    const victim = faultRequestAfter(emulator, (e) => e.method === "PUT" && e.path.startsWith(bobTargets), "500");
    const since = emulator.requests().length;
    const err = String(await failure(p.up()));
    const failed = await emulator.settled((await victim).index);
    expect(failed).toMatchObject({ method: "PUT", status: 500 });
    const [first] = writes(since);
    const firstGroup = first.split(" ")[1].split("/").pop();
    expect(failed.path).toBe(`${bobTargets}${firstGroup === ORG.emea ? ORG.apac : ORG.emea}`);
    expect(groupsOf(ORG.bob, ORG.USER_ADMIN)).toEqual([ORG.extra]);
    expect(err).toContain(`Undid the add made before the failure (group ${firstGroup}), so the role holds what it held before.`);
    expect(writes(since)).toEqual([`PUT ${bobTargets}${firstGroup} → 204`, `PUT ${failed.path} → 500`, `DELETE ${bobTargets}${firstGroup} → 204`]);
    expect(await audit()).toEqual([]);
  });
});

describe("one app switched from catalog to instance in one run", () => {
  const svc = { clientId: ORG.client, roleType: "APP_ADMIN" };
  const catalog = (appNames: string[]): BindingSpec => ({ type: "AppTargetBinding", name: "svc-catalog", args: { ...svc, appNames } });
  const instance: BindingSpec = { type: "AppInstanceTargetBinding", name: "svc-instance", args: { ...svc, apps: [{ appName: "salesforce", appId: ORG.sfdc }] } };

  it.each([
    ["before", [instance, catalog(["slack"])]],
    ["after", [catalog(["slack"]), instance]],
  ])("converges in one up with the instance binding declared %s the catalog binding", async (_order, switched) => {
    const audit = auditFromHere();
    const p = await stack("switch", [catalog(["salesforce", "slack"])]);
    await p.up();
    expect(appsOf(ORG.client, ORG.APP_ADMIN)).toEqual(["catalog:salesforce", "catalog:slack"]);
    await declare(p, switched as BindingSpec[]);
    const up = await p.up();
    expect(up.summary.resourceChanges).toEqual({ create: 1, update: 1, same: 1 });
    expect(appsOf(ORG.client, ORG.APP_ADMIN)).toEqual(["catalog:slack", `instance:salesforce/${ORG.sfdc}`]);
    await expect(p.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
    expect(await audit()).toEqual([]);
  });
});
