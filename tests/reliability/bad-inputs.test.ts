// Malformed and hostile inputs through the real engine. Each must be refused with a message
// that names the field (or, for Okta's 401/403/404, says what to do), and none may write.
import { RunningEmulator, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { runCli } from "./helpers/engine-cli";
import { isApiWrite, succeeded } from "./helpers/log-audit";
import { mintAccessToken } from "./helpers/mint-access-token";
import { MORE, newServiceAppKey, reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, StackAuth, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(300_000);

/** One refused input: where the engine must report it, and what the message must say. */
interface Refusal {
  input: string;
  property: string;
  reason: RegExp;
}
/** One resource, previewed on its own; every refusal is on a different property of it. */
interface PreviewUnit {
  spec: ReliabilitySpec;
  refusals: Refusal[];
}

const sfdc = { appName: "salesforce", appId: ORG.sfdc };
const wiki = { appName: "bookmark", appId: ORG.wiki };
const PATH_CHAR = /contains a path character/;
const grp = (args: Record<string, unknown>, raw = false): ReliabilitySpec => ({ type: "GroupTargetBinding", name: "bad", args, raw });
const cat = (args: Record<string, unknown>): ReliabilitySpec => ({ type: "AppTargetBinding", name: "bad", args });
const inst = (args: Record<string, unknown>, raw = false): ReliabilitySpec => ({ type: "AppInstanceTargetBinding", name: "bad", args, raw });
const r = (input: string, property: string, reason: RegExp): Refusal => ({ input, property, reason });

/**
 * The engine stops a deployment at the first resource whose check fails, so one bad binding
 * would mask the next: each unit is previewed on its own. Within one resource the provider
 * reports every failing property and the engine prints each, so a unit may carry several
 * bad values, one per property (a list item is its own property: groupIds[3]).
 */
const UNITS: PreviewUnit[] = [
  {
    spec: grp({
      userId: ORG.alice,
      roleType: "HELP_DESK_ADMIN",
      groupIds: [
        "",
        "00g/../00gemea",
        "..",
        "00gemea%2F000000001",
        "00gemea?x=1",
        "00gemea#frag",
        " 00gemea0000000000001",
        "00gemea\n000000000001",
        "00g\u0435mea0000000000001", // Cyrillic е
        "0".repeat(10_240),
        ORG.emea,
        ORG.emea,
      ],
    }),
    refusals: [
      r("empty group id", "groupIds[0]", /got an empty string/),
      r("group id with /..", "groupIds[1]", PATH_CHAR),
      r("group id ..", "groupIds[2]", PATH_CHAR),
      r("group id with %2F", "groupIds[3]", PATH_CHAR),
      r("group id with ?", "groupIds[4]", PATH_CHAR),
      r("group id with #", "groupIds[5]", PATH_CHAR),
      r("group id with leading space", "groupIds[6]", /contains whitespace/),
      r("group id with a newline", "groupIds[7]", /contains control characters/),
      r("group id with a Cyrillic look-alike", "groupIds[8]", /non-ASCII characters \(look-alike letters\?\)/),
      r("10 KB group id", "groupIds[9]", /\(10240 characters\) is not of that form/),
      r("duplicate group", "groupIds[11]", /listed twice \(also at groupIds\[10\]\)/),
    ],
  },
  {
    spec: cat({ clientId: "..", roleType: "APP_ADMIN", appNames: ["sales force", "salesforce%2F..", "\uff53alesforce", "slack", "slack"] }),
    refusals: [
      r("client id ..", "clientId", /must be an OAuth client id.*path character/),
      r("catalog key with a space", "appNames[0]", /contains whitespace/),
      r("catalog key with %2F..", "appNames[1]", PATH_CHAR),
      r("catalog key with a full-width look-alike", "appNames[2]", /non-ASCII/),
      r("duplicate catalog app", "appNames[4]", /listed twice/),
    ],
  },
  {
    spec: inst({
      userId: ORG.alice,
      roleAssignmentId: "IFIFAX2BIRGUSTQ/targets",
      mode: "sometimes",
      lastTarget: "never",
      apps: [{ appName: "sales/force", appId: ORG.sfdc }, { appName: "salesforce", appId: "0oasfdc/../x" }, "salesforce", wiki, wiki],
    }),
    refusals: [
      r("role assignment id with /", "roleAssignmentId", PATH_CHAR),
      r("unknown mode", "mode", /must be "authoritative" or "additive"; got "sometimes"/),
      r("unknown lastTarget", "lastTarget", /must be "retain", "unassignRole" or "fail"; got "never"/),
      r("app name with /", "apps[0].appName", PATH_CHAR),
      r("app id with /..", "apps[1].appId", PATH_CHAR),
      r("app instance that is not an object", "apps[2]", /must be an object \{ appName, appId \}/),
      r("duplicate app instance", "apps[4]", /listed twice/),
    ],
  },
  {
    spec: grp({ userId: "00ualice/../00ubob", roleType: "SUPER_DUPER_ADMIN", groupIds: [] }),
    refusals: [
      r("user id with /..", "userId", PATH_CHAR),
      r("unknown role type", "roleType", /"SUPER_DUPER_ADMIN" is not a standard Okta role type; use one of USER_ADMIN/),
      r("empty group set", "groupIds", /at least one target: an empty list would leave the role unscoped/),
    ],
  },
  {
    spec: inst({ userId: "", roleType: "app_admin", apps: [] }),
    refusals: [
      r("empty user id", "userId", /got an empty string/),
      r("lower-case role type", "roleType", /"app_admin" is not a standard Okta role type; did you mean APP_ADMIN\? \(AppInstanceTargetBinding works with APP_ADMIN\)/),
      r("empty app set", "apps", /at least one target/),
    ],
  },
  {
    spec: grp({ groupId: ORG.itAdmins, roleType: "APP_ADMIN", groupIds: ORG.emea }),
    refusals: [
      r("group targets on APP_ADMIN", "roleType", /APP_ADMIN does not take group targets; GroupTargetBinding works with USER_ADMIN/),
      r("group set that is not a list", "groupIds", /must be a list; got string/),
    ],
  },
  {
    spec: cat({ userId: ORG.alice, groupId: ORG.itAdmins, roleType: "HELP_DESK_ADMIN", appNames: ["slack"] }),
    refusals: [
      r("app targets on HELP_DESK_ADMIN", "roleType", /HELP_DESK_ADMIN does not take app targets; AppTargetBinding works with APP_ADMIN/),
      r("both userId and groupId", "groupId", /set exactly one of userId, groupId, clientId.*userId and groupId are all set/),
    ],
  },
  {
    spec: inst({ clientId: ORG.client, roleType: "APP_ADMIN", apps: [sfdc], appNames: ["salesforce"] }, true),
    refusals: [r("a catalog and an instance of the same app", "apps", /salesforce is both a catalog target and an instance target/)],
  },
  {
    spec: grp({ userId: ORG.alice, roleType: "HELP_DESK_ADMIN", roleAssignmentId: ORG.HELP_DESK_ADMIN, groupIds: [ORG.emea], appNames: ["slack"] }, true),
    refusals: [
      r("app names on a group binding", "appNames", /GroupTargetBinding does not take appNames; declare those targets with AppTargetBinding/),
      r("both roleType and roleAssignmentId", "roleAssignmentId", /set exactly one of roleType, roleAssignmentId.*are all set/),
    ],
  },
  {
    spec: grp({ groupIds: [ORG.emea] }),
    refusals: [
      r("no principal", "userId", /set exactly one of userId, groupId, clientId to choose the principal that holds the role; none is set/),
      r("no role", "roleType", /set exactly one of roleType, roleAssignmentId to choose the role; none is set/),
    ],
  },
  {
    spec: grp({ userId: ORG.alice, groupId: ORG.itAdmins, clientId: ORG.client, roleType: "", groupIds: [ORG.emea] }),
    refusals: [
      r("all three principals", "groupId", /userId and groupId and clientId are all set/),
      r("empty role type", "roleType", /"" is not a standard Okta role type/),
    ],
  },
];

/** Runs `work` over `items`, at most `limit` at a time. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rejected: string[] = [];
const writesSeen: string[] = [];

afterAll(() => {
  console.log(`[reliability:bad-inputs] inputs rejected=${rejected.length} writes reaching Okta=${writesSeen.length} (${writesSeen.join(", ") || "none"})`);
});

describe("malformed and hostile inputs on the real engine", () => {
  let emulator: RunningEmulator;
  let p: TestProgram;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
    p = await createProgram({ project: "bad-inputs", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, UNITS.map((u) => u.spec)) });
  });
  afterAll(async () => {
    await p?.cleanup();
    await emulator?.close();
  });

  it(`refuses each of ${UNITS.reduce((n, u) => n + u.refusals.length, 0)} bad values at preview, naming its property, before any request reaches Okta`, async () => {
    const results = await inBatches(UNITS, 4, (_u, i) => runCli(p, ["preview"], { RT_CASE: String(i) }));
    const missing: string[] = [];
    UNITS.forEach((unit, i) => {
      const out = results[i].stdout + results[i].stderr;
      expect(results[i].code).not.toBe(0);
      for (const refusal of unit.refusals) {
        const line = new RegExp(`property ${escapeRe(refusal.property)} value .*has a problem: .*${refusal.reason.source}`);
        if (line.test(out)) rejected.push(refusal.input);
        else missing.push(`${refusal.input}: no "${refusal.property}" failure matching ${refusal.reason} in\n${out.slice(0, 3000)}`);
      }
    });
    expect(missing).toEqual([]);
    expect(emulator.requests()).toEqual([]); // not a read, let alone a write
  });
});

/** A binding that passes preview and that Okta itself refuses at up. */
interface OktaRefusal {
  spec: ReliabilitySpec;
  reason: RegExp;
  /** The one write Okta must see and refuse (only where Okta alone can tell the input is wrong). */
  refusedWrite?: RegExp;
}

const NOBODY_USER = "00unobody00000000001";
const NOBODY_GROUP = "00gnobody00000000001";
const NOBODY_CLIENT = "0oanobody00000000001";
const NOT_FOUND_ADVICE = /Okta could not find the object .*Check that the user, group, service app client id, role assignment, group target or app exists/;

const OKTA_REFUSALS: OktaRefusal[] = [
  // Refused by check, before any write: reading the principal's roles finds no such user or client.
  { spec: { ...grp({ userId: NOBODY_USER, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] }), name: "unknown-user" }, reason: /property userId .*Okta has no user 00unobody00000000001 in this org \(404\); check the id/ },
  { spec: { ...cat({ clientId: NOBODY_CLIENT, roleType: "APP_ADMIN", appNames: ["slack"] }), name: "unknown-client" }, reason: /property clientId .*Okta has no OAuth client 0oanobody00000000001 in this org \(404\)/ },
  {
    // Okta lists no roles for an unknown group (200 []), so only apply can say the role is missing.
    spec: { ...grp({ groupId: NOBODY_GROUP, roleType: "USER_ADMIN", groupIds: [ORG.eng] }), name: "unknown-group-principal" },
    reason: /does not hold the USER_ADMIN role, so it has no targets to manage. Assign the role first \(usually with okta.group.Role\)/,
  },
  {
    spec: { ...grp({ userId: ORG.alice, roleAssignmentId: "ZZZZZZZZZZZZZZZ", groupIds: [ORG.emea] }), name: "unknown-role-assignment" },
    reason: /has no role assignment ZZZZZZZZZZZZZZZ.*Assign the role first/,
  },
  {
    spec: { ...grp({ userId: ORG.bob, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] }), name: "role-not-held" },
    reason: /does not hold the HELP_DESK_ADMIN role.*Assign the role first \(usually with okta.UserAdminRoles\)/,
  },
  {
    spec: { ...grp({ userId: ORG.alice, roleAssignmentId: ORG.APP_ADMIN, groupIds: [ORG.emea] }), name: "group-targets-on-an-app-admin-assignment" },
    reason: /role assignment IFIFAX2BIRGUSTQ of .* is APP_ADMIN, which does not take group targets/,
  },
  {
    // A group id new to the binding is looked up for its name at check: Okta's 404 refuses it before any write.
    spec: { ...grp({ userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [NOBODY_GROUP] }), name: "unknown-target-group" },
    reason: /property groupIds\[0\] .*Okta has no group 00gnobody00000000001 in this org \(404\)/,
  },
  {
    // Catalog keys are not looked up at check (the catalog is thousands of apps): Okta refuses the write.
    spec: { ...cat({ clientId: ORG.client, roleType: "APP_ADMIN", appNames: ["notarealapp"] }), name: "unknown-catalog-app" },
    reason: /"notarealapp" is not an OIN catalog key Okta knows.*Nothing was changed/s,
    refusedWrite: /^PUT .*\/targets\/catalog\/apps\/notarealapp 404$/,
  },
];

/** The diagnostics the engine printed for one resource. */
function diagnosticsOf(output: string, name: string): string {
  const start = output.indexOf(`(${name}):\n`, output.indexOf("Diagnostics:"));
  if (start < 0) return "";
  const rest = output.slice(start + name.length + 4);
  const end = rest.search(/\n {2}\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

const writeLines = (emulator: RunningEmulator) => emulator.requests().filter(isApiWrite).map((e) => `${e.method} ${e.path} ${e.status}`);

describe("inputs only Okta can refuse, on the real engine", () => {
  it(`refuses ${OKTA_REFUSALS.length} unknown principals, roles and targets with what to do, changing nothing: only the unknown catalog key reaches Okta, as a refused write`, async () => {
    // One stack per input: the engine stops a run at the first binding whose check fails.
    const outcomes = await Promise.all(
      OKTA_REFUSALS.map(async (o) => {
        const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
        const p = await createProgram({ project: "okta-refusals", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, [o.spec]) });
        try {
          const before = emulator.state();
          const error = await p.up().then(() => "", (e: Error) => e.message);
          return { o, error, writes: writeLines(emulator), unchanged: JSON.stringify(emulator.state()) === JSON.stringify(before) };
        } finally {
          await p.cleanup();
          await emulator.close();
        }
      }),
    );
    const missing = outcomes.filter(({ o, error }) => !o.reason.test(error)).map(({ o, error }) => `${o.spec.name}: ${error.slice(0, 3000)}`);
    expect(missing).toEqual([]);
    rejected.push(...outcomes.map(({ o }) => o.spec.name));
    for (const { o, writes, unchanged } of outcomes) {
      writesSeen.push(...writes);
      expect({ name: o.spec.name, writes, unchanged }).toEqual({ name: o.spec.name, writes: o.refusedWrite ? [expect.stringMatching(o.refusedWrite)] : [], unchanged: true });
    }
  });

  it("refuses a wrong token (401), missing credentials, a service app without okta.roles.manage, a wrong key, and a token without okta.roles.manage (403), each saying what to fix", async () => {
    const key = newServiceAppKey();
    const otherKey = newServiceAppKey("another-key");
    const binding = [grp({ userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] })];
    const cases: { name: string; auth: (orgUrl: string) => Promise<StackAuth>; reason: RegExp; refusedWrite?: RegExp }[] = [
      { name: "wrong API token", auth: async () => ({ apiToken: "not-the-token" }), reason: /Okta rejected the credentials.*Check okta:apiToken/ },
      { name: "no credentials", auth: async () => ({ none: true }), reason: /No Okta credentials are configured/ },
      {
        name: "service app granted only okta.roles.read",
        auth: async () => ({ clientId: MORE.readOnlyClient, privateKey: key.privateKeyPem }),
        reason: /invalid_scope.*Grant the scopes okta.roles.read \(to read\) and okta.roles.manage \(to change\) to the service app/,
      },
      {
        name: "private key the app does not hold",
        auth: async () => ({ clientId: ORG.client, privateKey: otherKey.privateKeyPem }),
        reason: /invalid_client.*hold the matching public key/,
      },
      {
        name: "access token without okta.roles.manage",
        auth: async (orgUrl) => ({ accessToken: await mintAccessToken(orgUrl, ORG.client, key.privateKeyPem, ["okta.roles.read"]) }),
        reason: /Okta denied permission.*need the scopes okta.roles.read \(to read\) and okta.roles.manage \(to change\)/,
        refusedWrite: /^PUT .*\/targets\/groups\/00gemea0000000000001 403$/,
      },
    ];
    const outcomes = await Promise.all(
      cases.map(async (c) => {
        const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed({ publicJwk: key.publicJwk }) });
        const p = await createProgram({ project: "auth-refusals", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, await c.auth(emulator.url), binding) });
        try {
          const before = emulator.state();
          const error = await p.up().then(() => "", (e: Error) => e.message);
          const writes = writeLines(emulator);
          return { c, error: diagnosticsOf(error, "bad") || error.slice(0, 2000), writes, unchanged: JSON.stringify(emulator.state()) === JSON.stringify(before) };
        } finally {
          await p.cleanup();
          await emulator.close();
        }
      }),
    );
    for (const o of outcomes) {
      writesSeen.push(...o.writes);
      if (o.c.reason.test(o.error)) rejected.push(o.c.name);
    }
    expect(outcomes.filter((o) => !o.c.reason.test(o.error)).map((o) => `${o.c.name}: ${o.error}`)).toEqual([]);
    // A token's scopes are Okta's to judge: without okta.roles.manage the first write is sent, and refused.
    expect(outcomes.map((o) => ({ name: o.c.name, writes: o.writes, unchanged: o.unchanged }))).toEqual(
      cases.map((c) => ({ name: c.name, writes: c.refusedWrite ? [expect.stringMatching(c.refusedWrite)] : [], unchanged: true })),
    );
  });
});
