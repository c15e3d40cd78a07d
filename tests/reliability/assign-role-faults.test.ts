// Bindings with assignRole on the real engine (packed tarball) under injected faults and a SIGKILL between
// the role's POST and its first target: once each command ends, no role they own is left without targets.
import { FaultKind, RequestLogEntry, RunningEmulator, StateDump, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { CliResult, runCli, startCli } from "./helpers/engine-cli";
import { allSettled, recordCompletions, succeeded, unscopedMoments } from "./helpers/log-audit";
import { auditCreatedRoles, CreatedRole, firstTargetPath, forUnscopedAudit, ownedRoleMismatches, ownerPrincipal, unscopedOwnedRoles } from "./helpers/owned-roles";
import { faultRequestAfter } from "./helpers/fault-once";
import { waitForGroupsDead } from "./helpers/process-tree";
import { reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(600_000);

const KINDS: FaultKind[] = ["429", "500", "503", "reset"];
const RATE = 0.3;

const wiki = { appName: "bookmark", appId: ORG.wiki };
const sfdc = { appName: "salesforce", appId: ORG.sfdc };
const g = (name: string, args: Record<string, unknown>): ReliabilitySpec => ({ type: "GroupTargetBinding", name, args: { ...args, assignRole: true } });
const i = (name: string, args: Record<string, unknown>): ReliabilitySpec => ({ type: "AppInstanceTargetBinding", name, args: { ...args, assignRole: true } });

/** Owners of roles none of these principals holds in the test org: two users, a group and a service app. */
const OWNERS: ReliabilitySpec[] = [
  g("alice-user-admin", { userId: ORG.alice, roleType: "USER_ADMIN", groupIds: [ORG.emea, ORG.apac] }),
  g("bob-helpdesk", { userId: ORG.bob, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.eng, ORG.extra] }),
  i("bob-app-admin", { userId: ORG.bob, roleType: "APP_ADMIN", apps: [wiki, sfdc] }),
  g("it-helpdesk", { groupId: ORG.itAdmins, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.apac] }),
  g("svc-user-admin", { clientId: ORG.client, roleType: "USER_ADMIN", groupIds: [ORG.extra, ORG.eng] }),
];

const figures: string[] = [];
afterAll(() => console.log(`[reliability:assign-role] ${figures.join("; ")}`));

const roleKeys = (dump: StateDump) => new Set(dump.principals.flatMap((p) => p.roleAssignments.map((r) => `${p.id}/${r.id}`)));
const nextIndex = (emulator: RunningEmulator) => (emulator.requests().length ? emulator.requests().slice(-1)[0].index + 1 : 0);

/** What one command did to the owners' roles, judged from the log and the state it ended in. */
interface RunAudit {
  failed: boolean;
  created: CreatedRole[];
  faults: number;
}

/**
 * Runs `up` (with faults on when given), then checks that it ended with no owned role unscoped,
 * that every role it created was scoped by its first target before any other request to it (or
 * taken back), and that the log shows no other moment at which a role lost its last target.
 */
async function auditedUp(emulator: RunningEmulator, p: TestProgram, faults?: { seed: number }, owners: ReliabilitySpec[] = OWNERS): Promise<RunAudit> {
  const start = emulator.state();
  const since = nextIndex(emulator);
  const completions = recordCompletions(emulator);
  if (faults) emulator.setFaults({ seed: faults.seed, rate: RATE, kinds: KINDS });
  const failure = await p.up().then(() => undefined, (e: unknown) => e as Error);
  emulator.setFaults(undefined);
  const entries = await allSettled(emulator, since);
  completions.stop();
  expect(unscopedOwnedRoles(emulator.state(), owners)).toEqual([]);
  const { created, findings } = auditCreatedRoles(entries, owners, roleKeys(start));
  expect(findings).toEqual([]);
  const rest = forUnscopedAudit(start, entries, created);
  expect(unscopedMoments(rest.start, rest.entries, completions.order())).toEqual([]);
  if (failure) {
    // A failed run says why; a role it had assigned and could not scope, it says it took back.
    expect(failure.message).toMatch(/after \d+ retr(y|ies)|Could not reach Okta|Okta had a server error|rate-limiting/);
    if (created.some((c) => c.scopedIndex === undefined)) expect(failure.message).toMatch(/Unassigned \w+ from \w+ \w+ again/);
  } else {
    expect(ownedRoleMismatches(emulator.state(), owners)).toEqual([]);
  }
  return { failed: failure !== undefined, created, faults: entries.filter((e) => e.fault).length };
}

async function withStack(tuning: { maxRetries?: number }, run: (emulator: RunningEmulator, p: TestProgram) => Promise<void>, owners: ReliabilitySpec[] = OWNERS): Promise<void> {
  const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
  const p = await createProgram({ project: "assign-faults", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, owners, tuning) });
  try {
    await run(emulator, p);
  } finally {
    await p.cleanup();
    await emulator.close();
  }
}

const describeRuns = (runs: RunAudit[]) =>
  `${runs.length} up(s) under faults: ${runs.filter((r) => r.failed).length} failed, ${runs.reduce((n, r) => n + r.faults, 0)} faults, ` +
  `${runs.reduce((n, r) => n + r.created.length, 0)} roles assigned, ${runs.reduce((n, r) => n + r.created.filter((c) => c.undoneIndex !== undefined).length, 0)} taken back`;

describe("pulumi up of bindings that own their roles, under 429s, 500s, 503s and resets at 30% of requests", () => {
  it("with the default retries either converges or takes back each role it could not scope, and the next up without faults converges", async () => {
    await withStack({}, async (emulator, p) => {
      const run = await auditedUp(emulator, p, { seed: 3 });
      expect(run.faults).toBeGreaterThan(0);
      await auditedUp(emulator, p);
      expect(ownedRoleMismatches(emulator.state(), OWNERS)).toEqual([]);
      figures.push(`default retries: ${describeRuns([run])}`);
    });
  });

  it("with no retries, a create whose first target gets a 500 right after the role's POST takes the role back: the run fails saying so, the principal holds no role, and an up without faults converges", async () => {
    const owner = OWNERS.slice(0, 1);
    await withStack(
      { maxRetries: 0 },
      async (emulator, p) => {
        const faulted = faultRequestAfter(emulator, (e) => e.method === "POST" && /\/roles$/.test(e.path), "500");
        const run = await auditedUp(emulator, p, undefined, owner);
        const victim = await faulted;
        expect(victim.method).toBe("PUT");
        expect(victim.path.endsWith(firstTargetPath(owner[0]))).toBe(true);
        expect(run.failed).toBe(true);
        expect(run.created).toHaveLength(1);
        expect(run.created[0].undoneIndex).toBeDefined();
        const roles = emulator.state().principals.find((x) => x.id === ownerPrincipal(owner[0]))?.roleAssignments ?? [];
        expect(roles.map((r) => r.type)).not.toContain(owner[0].args.roleType);
        await auditedUp(emulator, p, undefined, owner);
        expect(ownedRoleMismatches(emulator.state(), owner)).toEqual([]);
        figures.push(`first target refused: ${describeRuns([run])}`);
      },
      owner,
    );
  });
});

function expectOk(r: CliResult, what: string): CliResult {
  if (r.code !== 0) throw new Error(`pulumi ${what} exited ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
  return r;
}

async function pendingOperations(p: TestProgram): Promise<string[]> {
  const exported = expectOk(await runCli(p, ["stack", "export"]), "stack export");
  const ops = (JSON.parse(exported.stdout).deployment.pending_operations ?? []) as { type: string; resource: { urn: string } }[];
  return ops.map((o) => `${o.type} ${o.resource.urn.split("::").pop()}`);
}

describe("a pulumi up SIGKILLed between an owner's role POST and its first target", () => {
  const owner = OWNERS[0];
  const principal = ownerPrincipal(owner);
  const isRolePost = (e: RequestLogEntry) => e.method === "POST" && e.path.endsWith(`/${principal}/roles`);

  it("leaves the role unscoped until the documented cancel, refresh --clear-pending-creates and up, which scope it before any other write to it", async () => {
    const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
    const p = await createProgram({ project: "assign-crash", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, [owner]) });
    try {
      // Every answer waits 1 s, so the role's POST is still being answered when the kill lands: Okta
      // assigns the role after the client is gone, and nothing is left to send the first target.
      emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 1000 });
      const run = startCli(p, ["up", "--yes", "--skip-preview"]);
      const ended = run.done.then((r) => `pulumi up ended by itself (code ${r.code}) before the role's POST:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
      let post: RequestLogEntry | string;
      do post = await Promise.race([emulator.nextRequest(), ended]);
      while (typeof post !== "string" && !isRolePost(post));
      if (typeof post === "string") throw new Error(post);
      const groups = run.killTree();
      expect((await run.done).signal).toBe("SIGKILL");
      await waitForGroupsDead(groups);
      emulator.setFaults(undefined);
      expect(succeeded(await emulator.settled(post.index))).toBe(true);
      const assignedAt = Date.now();
      await allSettled(emulator);

      // Okta now holds the role with no targets: ALL groups.
      const crashed = emulator.state();
      expect(unscopedOwnedRoles(crashed, [owner])).toHaveLength(1);
      expect(emulator.requests(post.index + 1).filter((e) => e.path.includes(`/${principal}/roles/`))).toEqual([]);

      // The recovery docs/RECOVERY.md gives, step by step.
      const blocked = await runCli(p, ["up", "--yes", "--skip-preview"]);
      expect(blocked.stderr + blocked.stdout).toMatch(/the stack is currently locked by 1 lock\(s\).*pulumi cancel/s);
      expectOk(await runCli(p, ["cancel", "--yes"]), "cancel");
      expectOk(await runCli(p, ["refresh", "--yes"]), "refresh");
      expect(await pendingOperations(p)).toEqual([`creating ${owner.name}`]);
      expectOk(await runCli(p, ["refresh", "--yes", "--clear-pending-creates"]), "refresh --clear-pending-creates");
      const preview = expectOk(await runCli(p, ["preview"]), "preview");
      expect(preview.stdout + preview.stderr).toMatch(/is assigned but has no group targets, so it applies to ALL groups right now/);
      const since = nextIndex(emulator);
      expectOk(await runCli(p, ["up", "--yes", "--skip-preview"]), "up");

      // The up adopted the role (reading its targets) and added a declared target before any other write to it.
      const roleId = crashed.principals.find((x) => x.id === principal)!.roleAssignments.find((r) => r.type === owner.args.roleType)!.id;
      const log = await allSettled(emulator, since);
      const toRole = log.filter((e) => e.method !== "GET" && e.path.includes(`/${principal}/roles/${roleId}`));
      expect(`${toRole[0]?.method} ${toRole[0]?.path}`).toMatch(new RegExp(`^PUT .*/roles/${roleId}/targets/groups/(${(owner.args.groupIds as string[]).join("|")})$`));
      expect(succeeded(toRole[0])).toBe(true);
      expect(ownedRoleMismatches(emulator.state(), [owner])).toEqual([]);
      expectOk(await runCli(p, ["preview", "--refresh", "--expect-no-changes"]), "preview --refresh --expect-no-changes");

      const unscopedMs = Date.parse(toRole[0].time) - assignedAt;
      figures.push(`killed between the role's POST and its first target: the role was unscoped ${(unscopedMs / 1000).toFixed(1)} s, from the POST taking effect to the recovery's first target (cancel, refresh, refresh --clear-pending-creates, preview, up)`);
    } finally {
      await p.cleanup();
      await emulator.close();
    }
  });
});
