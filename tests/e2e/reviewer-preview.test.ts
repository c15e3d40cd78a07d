// What a reviewer reads in preview and what a drift run reports, on the real engine with the packed
// tarball against the emulator: named and keyed target changes, adoption, destroy, credentials, unscoped roles.
import { EngineEvent } from "@pulumi/pulumi/automation";
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

const failure = (run: Promise<unknown>) => run.then(() => undefined, (e: unknown) => e);

/** The run failed with the CLI's own exit code, which is neither 0 (no drift) nor 7 (drift). */
function expectBrokenRun(err: unknown): void {
  const code = exitCodeOf(err);
  expect(typeof code).toBe("number");
  expect([0, 7]).not.toContain(code);
}

/** What the engine printed for the resources since `from`, without the stack outputs the program exports. */
function resourceSection(p: TestProgram, from: number): string {
  return p.output().slice(from).split(/--outputs:--|\nOutputs:/)[0];
}

/** Diagnostics the engine attached to a resource whose URN ends with `::name`. */
function diagnosticsOf(p: TestProgram, name: string, since = 0): { severity: string; ephemeral?: boolean; message: string }[] {
  return p
    .events()
    .slice(since)
    .flatMap((e: EngineEvent) => (e.diagnosticEvent ? [e.diagnosticEvent] : []))
    .filter((d) => (d.urn ?? "").endsWith(`::${name}`));
}

const groupTargets = async (p: Principal, ra: string) => (await client.listGroupTargets(p, ra)).map((g) => g.id).sort();
const writes = (since = 0) => emulator.requests(since).filter((r) => r.method !== "GET" && !r.path.startsWith("/oauth2/v1/token"));

function helpdesk(groupIds: unknown[], extra: Record<string, unknown> = {}): BindingSpec {
  return { type: "GroupTargetBinding", name: "helpdesk", args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds, ...extra } };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } });
});
afterAll(async () => emulator?.close());

describe("preview names each target change, keyed by target", () => {
  let p: TestProgram;
  beforeAll(async () => {
    emulator.reset();
    p = await createProgram({
      project: "reviewer-names",
      program: BINDING_PROGRAM,
      config: bindingConfig(emulator.url, ORG.token, [helpdesk([ORG.emea, ORG.apac, ORG.eng])]),
    });
    await p.up();
  });
  afterAll(async () => p?.cleanup());

  it("shows a removed first group by id and name, not as every position shifting", async () => {
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.apac, ORG.eng])]) });
    const before = emulator.requests().length;
    const from = p.output().length;
    await p.preview({ diff: true });
    const out = resourceSection(p, from);
    expect(out).toMatch(/- 00gemea0000000000001: "Sales EMEA"/);
    expect(out).not.toMatch(/\[0\]: "00gemea0000000000001" => /);
    expect(out).not.toMatch(/kind|roleSelector|principalType/);
    expect(emulator.requests(before).filter((r) => r.path.includes("/groups/") && r.method === "GET" && !r.path.includes("/roles"))).toEqual([]);
  });

  it("shows an added group with the name Okta has for it, and reordering is no change", async () => {
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.eng, ORG.extra, ORG.apac, ORG.emea])]) });
    const from = p.output().length;
    await p.preview({ diff: true });
    expect(resourceSection(p, from)).toMatch(/\+ 00gextra000000000001: "Extra"/);
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.eng, ORG.apac, ORG.emea])]) });
    const same = await p.preview({ expectNoChanges: true });
    expect(same.changeSummary).toEqual({ same: 2 });
  });

  it("makes no Okta call per unchanged binding, only the one credential check of the run", async () => {
    const before = emulator.requests().length;
    await p.preview();
    expect(emulator.requests(before).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v1/users/${ORG.alice}/roles`]);
  });

  it("refuses at preview a declared group Okta does not know, before anything is written", async () => {
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.eng, "00gtypo0000000000001"])]) });
    const before = emulator.requests().length;
    const err = await failure(p.preview());
    expect(String(err)).toMatch(/groupIds\[1\].*no group 00gtypo0000000000001/s);
    expect(writes(before)).toEqual([]);
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.eng, ORG.apac, ORG.emea])]) });
  });
});

describe("a target known only after apply", () => {
  it("shows as one pending key, not as a change to every position", async () => {
    emulator.reset();
    // The group id comes from another resource's output, so preview cannot know it.
    const program = `
const pulumi = require("@pulumi/pulumi");
const rt = require("pulumi-okta-role-targets");
const later = new pulumi.dynamic.Resource({ async create(i) { return { id: "x", outs: { value: i.v } }; } }, "later", { v: "${ORG.apac}", value: undefined });
new rt.GroupTargetBinding("helpdesk", { userId: "${ORG.alice}", roleType: "HELP_DESK_ADMIN", groupIds: ["${ORG.emea}", later.value] });
`;
    const p = await createProgram({ project: "reviewer-unknown", program, config: bindingConfig(emulator.url, ORG.token, []) });
    try {
      await p.preview({ diff: true });
      expect(p.output()).toMatch(/00gemea0000000000001\s*: "Sales EMEA"/);
      expect(p.output()).toMatch(/\(known after apply\) 1: "groupIds\[1\], known after apply"/);
      await p.up();
      expect(await groupTargets(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.apac, ORG.emea]);
    } finally {
      await p.cleanup();
    }
  });
});

describe("adoption and destroy are visible", () => {
  it("names at preview, once and on the binding's row, the targets a create will remove", async () => {
    emulator.reset();
    const p = await createProgram({
      project: "reviewer-adopt",
      program: BINDING_PROGRAM,
      config: bindingConfig(emulator.url, ORG.token, [
        { type: "GroupTargetBinding", name: "bob-users", args: { userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.eng] } },
      ]),
    });
    try {
      const before = emulator.requests().length;
      await p.preview();
      const notes = diagnosticsOf(p, "bob-users").filter((d) => !d.ephemeral);
      expect(notes).toHaveLength(1);
      expect(notes[0].severity).toBe("warning");
      expect(notes[0].message).toMatch(/removes 00gextra000000000001 "Extra" \(not declared; the binding is authoritative\)/);
      expect(writes(before)).toEqual([]);
      expect(await groupTargets(bob, ORG.USER_ADMIN)).toEqual([ORG.extra]);
    } finally {
      await p.cleanup();
    }
  });

  it("previews a destroy without any call to Okta, and the destroy itself names the target it keeps", async () => {
    emulator.reset();
    const p = await createProgram({ project: "reviewer-destroy", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, [helpdesk([ORG.emea])]) });
    try {
      await p.up();
      const before = emulator.requests().length;
      await p.destroy({ previewOnly: true });
      expect(emulator.requests(before)).toEqual([]);
      const since = p.events().length;
      await p.destroy();
      const kept = diagnosticsOf(p, "helpdesk", since).filter((d) => d.severity === "warning");
      expect(kept.map((d) => d.message)).toEqual([expect.stringMatching(/kept group 00gemea0000000000001 "Sales EMEA" .*last target/)]);
      expect(await groupTargets(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
    } finally {
      await p.cleanup();
    }
  });
});

describe("drift runs that cannot lie about credentials", () => {
  let p: TestProgram;
  beforeEach(async () => {
    emulator.reset();
    emulator.rotateApiToken(ORG.token);
    p = await createProgram({ project: "reviewer-creds", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, [helpdesk([ORG.emea])]) });
    await p.up();
  });
  afterEach(async () => {
    emulator.rotateApiToken(ORG.token);
    await p?.cleanup();
  });

  it("fails the plain drift check when the stack's current token is wrong, though the saved one still works", async () => {
    await p.stack.setConfig("okta:apiToken", { value: "not-the-token", secret: true });
    const err = await failure(p.preview({ refresh: true, expectNoChanges: true }));
    expectBrokenRun(err);
    expect(String(err)).toMatch(/okta:apiToken/);
  });

  it("after a token rotated in config, fails the plain form loudly and passes with --run-program", async () => {
    emulator.rotateApiToken("rotated-token");
    await p.stack.setConfig("okta:apiToken", { value: "rotated-token", secret: true });
    const plain = await failure(p.preview({ refresh: true, expectNoChanges: true }));
    expectBrokenRun(plain);
    expect(String(plain)).toMatch(/--run-program/);
    await expect(p.preview({ refresh: true, runProgram: true, expectNoChanges: true })).resolves.toBeDefined();
  });

  it("fails a drift check whose token was revoked, naming the key", async () => {
    emulator.rotateApiToken("someone-else");
    const err = await failure(p.preview({ refresh: true, runProgram: true, expectNoChanges: true }));
    expectBrokenRun(err);
    expect(String(err)).toMatch(/E0000011.*okta:apiToken/s);
  });

  it("recovers from a failed up with a bad token once the config is fixed, with --run-program", async () => {
    await p.stack.setConfig("okta:apiToken", { value: "bad-token", secret: true });
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.emea, ORG.apac])]) });
    expect(await failure(p.up())).toBeDefined();
    await p.stack.setConfig("okta:apiToken", { value: ORG.token, secret: true });
    await p.stack.setConfig("e2e:bindings", { value: JSON.stringify([helpdesk([ORG.emea])]) });
    await expect(p.preview({ refresh: true, runProgram: true, expectNoChanges: true })).resolves.toBeDefined();
  });
});

describe("an unscoped role is an alarm", () => {
  it("says UNSCOPED in the drift run, and up --refresh restores the targets that exist before failing on the gone one", async () => {
    emulator.reset();
    const p = await createProgram({ project: "reviewer-unscoped", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, [helpdesk([ORG.emea, ORG.apac])]) });
    try {
      await p.up();
      // By hand: drop Sales EMEA's target, then delete Sales APAC, the last target: the role now covers ALL groups.
      await client.removeGroupTarget(alice, ORG.HELP_DESK_ADMIN, ORG.emea);
      const del = await fetch(`${emulator.url}/api/v1/groups/${ORG.apac}`, { method: "DELETE", headers: { Authorization: `SSWS ${ORG.token}` } });
      expect(del.status).toBe(204);
      expect(await groupTargets(alice, ORG.HELP_DESK_ADMIN)).toEqual([]);

      const since = p.events().length;
      const drift = await failure(p.preview({ refresh: true, runProgram: true, expectNoChanges: true, diff: true }));
      expect(exitCodeOf(drift)).toBe(7);
      const alarms = diagnosticsOf(p, "helpdesk", since).filter((d) => d.severity === "warning" && /UNSCOPED/.test(d.message));
      expect(alarms.map((d) => d.message)).toEqual([expect.stringMatching(/applies to ALL groups/)]);

      const before = emulator.requests().length;
      const err = await failure(p.up({ refresh: true, runProgram: true }));
      expect(String(err)).toMatch(/does not have group 00gapac0000000000001 \(404\).*Kept group 00gemea0000000000001, added before the failure: the role had no group targets before, so it applied to ALL groups/s);
      expect(await groupTargets(alice, ORG.HELP_DESK_ADMIN)).toEqual([ORG.emea]);
      // Both declared targets were tried; only the one Okta still has could be restored, and nothing was removed.
      expect(writes(before).map((r) => `${r.method} ${r.path.split("/").pop()}`).sort()).toEqual([`PUT ${ORG.apac}`, `PUT ${ORG.emea}`]);
    } finally {
      await p.cleanup();
    }
  });
});

describe("mistakes caught at preview, said once", () => {
  it("refuses a stack with no okta config at preview, naming the keys, with zero requests", async () => {
    const before = emulator.requests().length;
    const p = await createProgram({ project: "reviewer-noconfig", program: BINDING_PROGRAM, config: { "e2e:bindings": { value: JSON.stringify([helpdesk([ORG.emea])]) } } });
    try {
      const err = await failure(p.preview());
      expect(String(err)).toMatch(/okta:orgName|okta:orgUrl/);
      expect(emulator.requests(before)).toEqual([]);
    } finally {
      await p.cleanup();
    }
  });

  it("prints a lastTarget fail refusal once, under the binding, without a stack trace", async () => {
    emulator.reset();
    const p = await createProgram({ project: "reviewer-once", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, [helpdesk([ORG.emea], { lastTarget: "fail" })]) });
    try {
      await p.up();
      const since = p.events().length;
      await failure(p.destroy());
      const all = p.events().slice(since).flatMap((e) => (e.diagnosticEvent ? [e.diagnosticEvent] : []));
      const refusals = all.filter((d) => /refusing to delete/.test(d.message) && !d.ephemeral);
      expect(refusals).toHaveLength(1);
      expect(refusals[0].urn).toMatch(/::helpdesk$/);
      expect(all.map((d) => d.message).join("\n")).not.toMatch(/\n\s+at .*\.js:\d+/);
    } finally {
      await p.cleanup();
    }
  });
});

describe("progress during long waits", () => {
  it("tells the person running up, on the binding's row, that it waits for Okta's rate limit", async () => {
    // Windows are aligned to the clock, so the first one may be nearly over. The create makes
    // five role-target requests (one read, four PUTs): at two a window, at least one whole
    // window is spent, and the request after it waits about 5 s, whatever the alignment.
    const limited = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed(), rateLimit: { limit: 2, windowSeconds: 5 } });
    const p = await createProgram({
      project: "reviewer-progress",
      program: BINDING_PROGRAM,
      config: bindingConfig(limited.url, ORG.token, [helpdesk([ORG.emea, ORG.apac, ORG.eng, ORG.extra])]),
    });
    try {
      await p.up();
      const waits = diagnosticsOf(p, "helpdesk").filter((d) => d.ephemeral && /^waiting \d+ s/.test(d.message));
      expect(waits.length).toBeGreaterThan(0);
      expect(waits[0].message).toMatch(/Okta's rate limit.*(GET|PUT) \/api\/v1\/users\/00ualice/);
      expect(JSON.stringify(p.events())).not.toContain(ORG.token);
    } finally {
      await p.cleanup();
      await limited.close();
    }
  });
});
