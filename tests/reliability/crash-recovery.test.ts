// A `pulumi up` killed mid-apply (CLI, language host and provider plugin, all SIGKILLed), then
// recovered the way RECOVERY.md tells users to: cancel, refresh (clearing pending creates), up.
import { RunningEmulator, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { CliResult, runCli, startCli } from "./helpers/engine-cli";
import { compareTargets } from "./helpers/expected-targets";
import { allSettled, isApiWrite, recordCompletions, unscopedMoments } from "./helpers/log-audit";
import { waitForGroupsDead } from "./helpers/process-tree";
import { reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, bulkGroupBindings, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(240_000);

const PER_BINDING = 120;
/** 360 targets in three bindings, one per principal kind; `offset` picks another 360 groups. */
const bulk = (offset: number): ReliabilitySpec[] => bulkGroupBindings("bulk", PER_BINDING, offset);
const TOTAL = 3 * PER_BINDING;

let emulator: RunningEmulator;
let p: TestProgram;
const figures: string[] = [];
const recovery: string[] = [];

beforeAll(async () => {
  // Room for ~2,000 target calls a minute: the slowed requests, not rate limits, set the pace here.
  emulator = await startEmulator({
    port: 0,
    apiToken: ORG.token,
    seed: reliabilityOrgSeed({ bulkGroups: 2 * TOTAL }),
    rateLimit: { limit: 5000, windowSeconds: 60 },
  });
  p = await createProgram({ project: "crash", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, bulk(0)) });
});
afterAll(async () => {
  console.log(`[reliability:crash] ${figures.join("; ")}`);
  await p?.cleanup();
  await emulator?.close();
});

function expectOk(r: CliResult, what: string): CliResult {
  if (r.code !== 0) throw new Error(`pulumi ${what} exited ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
  return r;
}

async function pendingOperations(): Promise<string[]> {
  const exported = expectOk(await runCli(p, ["stack", "export"]), "stack export");
  const ops = (JSON.parse(exported.stdout).deployment.pending_operations ?? []) as { type: string; resource: { urn: string } }[];
  return ops.map((o) => `${o.type} ${o.resource.urn.split("::").pop()}`);
}

async function bindingUrns(): Promise<string[]> {
  const exported = expectOk(await runCli(p, ["stack", "export"]), "stack export");
  return (JSON.parse(exported.stdout).deployment.resources as { urn: string }[]).map((r) => r.urn).filter((u) => u.includes("GroupTargetBinding"));
}

/** Targets of the bulk groups the emulator holds now. */
function bulkTargets(): number {
  return emulator.state().principals.flatMap((x) => x.roleAssignments).flatMap((ra) => ra.groupTargets).filter((g) => g.startsWith("00gbulk")).length;
}

/**
 * Starts `pulumi up` with every API request slowed by 25 ms, waits for `writesBeforeKill`
 * writes to arrive, then SIGKILLs the CLI and every plugin process group under it.
 */
async function upKilledMidApply(writesBeforeKill: number): Promise<{ groups: number[] }> {
  emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 25 });
  const run = startCli(p, ["up", "--yes", "--skip-preview"]);
  const exited = run.done.then((r) => `pulumi up ended by itself (code ${r.code}) before the kill:\n${r.stdout.slice(-2000)}`);
  let writes = 0;
  while (writes < writesBeforeKill) {
    const next = await Promise.race([emulator.nextRequest(), exited]);
    if (typeof next === "string") throw new Error(next);
    if (isApiWrite(next)) writes++;
  }
  const groups = run.killTree();
  const result = await run.done;
  expect(result.signal).toBe("SIGKILL");
  await waitForGroupsDead(groups);
  // Faults off; requests already in their 25 ms delay finish it, and allSettled waits for them.
  emulator.setFaults(undefined);
  await allSettled(emulator);
  return { groups };
}

/**
 * The recovery RECOVERY.md documents, step by step, with what the CLI 3.248 says at each:
 * the lock blocks `up`; `cancel` removes it; a plain `refresh` clears pending updates but,
 * run non-interactively, keeps pending creates, which need `--clear-pending-creates`; then `up`.
 */
async function recoverAsAUser(): Promise<void> {
  const blocked = await runCli(p, ["up", "--yes", "--skip-preview"]);
  expect(blocked.code).not.toBe(0);
  expect(blocked.stderr + blocked.stdout).toMatch(/the stack is currently locked by 1 lock\(s\).*pulumi cancel/s);
  expect(expectOk(await runCli(p, ["cancel", "--yes"]), "cancel").stdout).toMatch(/has been canceled/);
  expectOk(await runCli(p, ["refresh", "--yes"]), "refresh");
  const left = await pendingOperations();
  expect(left.every((op) => op.startsWith("creating "))).toBe(true);
  recovery.push(left.length ? `refresh kept ${left.length} pending creates` : "refresh cleared every pending operation");
  if (left.length) {
    expectOk(await runCli(p, ["refresh", "--yes", "--clear-pending-creates"]), "refresh --clear-pending-creates");
    expect(await pendingOperations()).toEqual([]);
  }
  expectOk(await runCli(p, ["up", "--yes", "--skip-preview"]), "up");
}

it("a create of 360 targets killed mid-apply leaves pending creates that only refresh --clear-pending-creates clears, and cancel, refresh and up then converge with nothing lost or duplicated", async () => {
  const start = emulator.state();
  const completions = recordCompletions(emulator);
  const { groups } = await upKilledMidApply(90);
  const landed = bulkTargets();
  expect(landed).toBeGreaterThan(0);
  expect(landed).toBeLessThan(TOTAL);
  expect(await pendingOperations()).toEqual(expect.arrayContaining(["creating alice-bulk", "creating it-bulk", "creating svc-bulk"]));

  await recoverAsAUser();
  expect(recovery.pop()).toBe("refresh kept 3 pending creates");
  completions.stop();
  expect(compareTargets(emulator.state(), bulk(0))).toEqual({ lost: [], extra: [] });
  expect(bulkTargets()).toBe(TOTAL);
  expect((await bindingUrns()).sort()).toEqual(["alice-bulk", "it-bulk", "svc-bulk"].map((n) => expect.stringMatching(new RegExp(`::${n}$`))));
  expect(unscopedMoments(start, await allSettled(emulator), completions.order())).toEqual([]);
  figures.push(`create killed after ${landed}/${TOTAL} targets (${groups.length} process groups killed), recovered: lost=0 extra=0`);
});

it("an update replacing 360 targets killed among its removals never leaves a role unscoped, and cancel, refresh and up converge", async () => {
  await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(bulk(TOTAL)) });
  const start = emulator.state();
  const since = emulator.requests().slice(-1)[0].index + 1;
  const completions = recordCompletions(emulator);
  // Adds come before removes: after 420 writes every role holds all its new targets and
  // some of its old ones, and the kill lands among the removals.
  await upKilledMidApply(420);
  const midway = compareTargets(emulator.state(), bulk(TOTAL));
  expect(midway.lost).toEqual([]);
  expect(midway.extra.length).toBeGreaterThan(0);
  expect(midway.extra.length).toBeLessThan(TOTAL);
  expect(await pendingOperations()).toEqual(expect.arrayContaining(["updating alice-bulk", "updating it-bulk", "updating svc-bulk"]));

  await recoverAsAUser();
  expect(recovery.pop()).toBe("refresh cleared every pending operation");
  completions.stop();
  expect(compareTargets(emulator.state(), bulk(TOTAL))).toEqual({ lost: [], extra: [] });
  expect(unscopedMoments(start, await allSettled(emulator, since), completions.order())).toEqual([]);
  // The stack's state agrees with Okta: a refreshing preview finds nothing to change.
  expectOk(await runCli(p, ["preview", "--refresh", "--expect-no-changes"]), "preview --refresh --expect-no-changes");
  figures.push(`update killed with ${midway.extra.length}/${TOTAL} old targets not yet removed, recovered: lost=0 extra=0`);
});
