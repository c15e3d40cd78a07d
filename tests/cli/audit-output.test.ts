// Audit output and contract: --json matches its schema, exit codes as documented, only reads, calls at the floor, a share of the rate limit.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { DEMO_ORG_SEED_PATH, startEmulator, type EmulatorSeed, type RunningEmulator } from "../../emulator";
import { generateOrgSeed } from "../../emulator/seed/generate-org";
import type { AuditReport } from "../../cli/audit/audit-report";
import { AUDIT_SEED } from "./helpers/audit-seed";
import { runAgainst } from "./helpers/run-cli-capture";

const SCHEMA = JSON.parse(readFileSync(resolve(__dirname, "../../cli/audit-report.schema.json"), "utf8")) as object;
const DEMO_KEY = resolve(__dirname, "../../emulator/demo-org.private-key.pem");

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: AUDIT_SEED });
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.close());

const writes = (e: RunningEmulator) => e.requests().filter((r) => r.method !== "GET" && !(r.method === "POST" && r.path === "/oauth2/v1/token"));

describe("audit --json", () => {
  it.each([[[]], [["--complete"]]])("validates against cli/audit-report.schema.json (%j)", async (flags) => {
    const run = await runAgainst(emulator, ["audit", "--json", "--quiet", ...flags]);
    const validate = addFormats(new Ajv({ allErrors: true, strict: true })).compile(SCHEMA);
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.assignments.length).toBeGreaterThan(5);
  });
});

describe("exit codes", () => {
  it("exits 3 when a targetable role is unscoped, and prints the table with UNSCOPED rows first", async () => {
    const run = await runAgainst(emulator, ["audit", "--complete", "--quiet"]);
    expect(run.code).toBe(3);
    const rows = run.stdout.split("\n").filter((l) => /^(UNSCOPED|scoped|-) /.test(l));
    expect(rows.slice(0, 3).every((r) => r.startsWith("UNSCOPED"))).toBe(true);
    expect(rows).toHaveLength(11);
    expect(run.stdout).toMatch(/bob@example\.com .*USER_ADMIN .*ALL groups/);
  });

  it("exits 0 when every targetable role has targets", async () => {
    const scoped: EmulatorSeed = { ...AUDIT_SEED, roleAssignments: AUDIT_SEED.roleAssignments?.filter((ra) => ra.groupTargets || ra.appTargets || ra.type.includes("SUPER")) };
    emulator.loadSeed(scoped);
    const run = await runAgainst(emulator, ["audit", "--complete", "--markdown", "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## Okta admin roles in /);
    expect(run.stdout).toMatch(/\| scoped \| group Ops \(2 members\) \| via group \| `HELP_DESK_ADMIN` \| Support, Sales|\| scoped \| group Ops \(2 members\) \| via group \| `HELP_DESK_ADMIN` \| Sales, Support/);
  });

  it("exits 1 with Okta's reason and advice when the token is refused, and never prints the token", async () => {
    const run = await runAgainst(emulator, ["audit", "--quiet"], { OKTA_API_TOKEN: "wrong-secret-token" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Okta rejected the credentials \(E0000011/);
    expect(run.stderr).toMatch(/OKTA_API_TOKEN/);
    expect(run.stderr + run.stdout).not.toContain("wrong-secret-token");
  });

  it.each([
    [["audit", "--api-token", "s3cret"], /--api-token is not accepted: a secret on the command line/],
    [["audit", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["audit", "--max-api-capacity", "0.5"], /--max-api-capacity must be a whole number of percent/],
    [["audit", "--json", "--markdown"], /choose one of --json and --markdown/],
    [["inspect"], /unknown command 'inspect'/],
  ])("exits 2 for %j and says what is wrong", async (argv, message) => {
    const run = await runAgainst(emulator, argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain("s3cret");
  });

  it("exits 0 for --help and explains modes, costs and exit codes", async () => {
    const run = await runAgainst(emulator, ["audit", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--complete/);
    expect(run.stdout).toMatch(/It can miss/);
    expect(run.stdout).toMatch(/1 call per group/);
    expect(run.stdout).toMatch(/3 {2}at least one targetable role is unscoped/);
  });
});

describe("read-only", () => {
  it("sends only GETs with an API token", async () => {
    emulator.clearRequests();
    await runAgainst(emulator, ["audit", "--complete", "--quiet"]);
    expect(emulator.requests().length).toBeGreaterThan(20);
    expect(writes(emulator)).toEqual([]);
  });

  it("sends only GETs and the token request as a service app, on the demo org", async () => {
    const demo = await startEmulator({ seed: DEMO_ORG_SEED_PATH });
    try {
      const run = await runAgainst(demo, ["audit", "--complete", "--json", "--quiet"], { OKTA_API_TOKEN: "", OKTA_API_CLIENT_ID: "0oaDemoPlatformAuto1", OKTA_API_PRIVATE_KEY: DEMO_KEY });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(3);
      expect(demo.requests().filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/oauth2/v1/token"]);
      expect(writes(demo)).toEqual([]);
      const report = JSON.parse(run.stdout) as AuditReport;
      expect(report.assignments.filter((a) => a.unscoped).map((a) => `${a.holder.name} ${a.roleType}`).sort()).toEqual(["IT Admins APP_ADMIN", "platform-automation APP_ADMIN"]);
    } finally {
      await demo.close();
    }
  });
});

describe("calls at the floor", () => {
  it("makes exactly the floor of calls on the small org, and never repeats a GET", async () => {
    for (const [flags, floor] of [[["--complete"], 32], [[], 21]] as const) {
      emulator.clearRequests();
      const run = await runAgainst(emulator, ["audit", "--json", "--quiet", ...flags]);
      const requests = emulator.requests();
      expect(requests).toHaveLength(floor);
      expect((JSON.parse(run.stdout) as AuditReport).summary.apiCalls).toBe(floor);
      const urls = requests.map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);
      expect(urls.length).toBe(new Set(urls).size);
      expect(requests.filter((r) => r.query.limit !== undefined).every((r) => r.query.limit === "200")).toBe(true);
    }
  });

  it("makes the floor of calls on a generated org with several pages of users, groups and assignees", async () => {
    const seed = generateOrgSeed({ users: 900, groups: 450, serviceApps: 12, apps: 6, userAdmins: 230, groupAdmins: 20, clientAdmins: 8 });
    const org = await startEmulator({ seed, rateLimit: { limit: 100000, windowSeconds: 60 } });
    try {
      const run = await runAgainst(org, ["audit", "--complete", "--json", "--quiet"]);
      const report = JSON.parse(run.stdout) as AuditReport;
      const roles = seed.roleAssignments ?? [];
      const directUsers = new Set(roles.filter((r) => r.principal.user).map((r) => r.principal.user)).size;
      const holderGroups = new Set(roles.filter((r) => r.principal.group).map((r) => r.principal.group)).size;
      const targetable = roles.filter((r) => !["SUPER_ADMIN", "READ_ONLY_ADMIN"].includes(r.type)).length;
      const pages = (n: number): number => Math.max(1, Math.ceil(n / 200));
      const floor = pages(directUsers) + directUsers + pages(12) + 12 + pages(450) + 450 + directUsers + holderGroups + targetable;
      expect(report.summary.assignments).toBe(roles.length);
      expect(org.requests()).toHaveLength(floor);
    } finally {
      await org.close();
    }
  });
});

describe("--max-api-capacity", () => {
  const busiestWindow = (e: RunningEmulator): number => {
    const counts = new Map<string, number>();
    for (const r of e.requests()) counts.set(`${r.family}@${Math.floor(Date.parse(r.time) / 1000)}`, (counts.get(`${r.family}@${Math.floor(Date.parse(r.time) / 1000)}`) ?? 0) + 1);
    return Math.max(...counts.values());
  };

  it("keeps each one-second window under half the limit with 50 %, where the full budget goes above it", async () => {
    const limited = await startEmulator({ seed: AUDIT_SEED, rateLimit: { limit: 16, windowSeconds: 1 } });
    try {
      await runAgainst(limited, ["audit", "--complete", "--quiet", "--concurrency", "1"]);
      expect(busiestWindow(limited)).toBeGreaterThan(8);
      limited.clearRequests();
      const run = await runAgainst(limited, ["audit", "--complete", "--quiet", "--concurrency", "1", "--max-api-capacity", "50"]);
      expect(run.code).toBe(3);
      expect(limited.requests().filter((r) => r.status === 429)).toEqual([]);
      expect(busiestWindow(limited)).toBeLessThanOrEqual(8);
    } finally {
      await limited.close();
    }
  });
});
