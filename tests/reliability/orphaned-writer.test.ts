// A `pulumi up` whose CLI alone is SIGKILLed mid-apply: the provider it started must stop
// writing to Okta and exit within seconds, not finish the plan for an engine that is gone.
import { once } from "node:events";
import type { RequestLogEntry, RunningEmulator } from "../../emulator";
import { startEmulator } from "../../emulator";
import { liveState, waitUntilGone } from "../e2e/proc-state";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { CliRun, startCli } from "./helpers/engine-cli";
import { allSettled, isApiWrite } from "./helpers/log-audit";
import { Descendant, descendantsOf } from "./helpers/process-tree";
import { reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, bulkGroupBindings, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(240_000);

/** The promise the provider keeps: no request later than this after its engine died, and gone by then. */
const BUDGET_MS = 5_000;
const PER_BINDING = 150;
/** Every API request takes this long, so the apply (450 writes) lasts far beyond the kill plus the budget. */
const SLOW_MS = 100;
const WRITES_BEFORE_KILL = 30;

const BINDINGS: ReliabilitySpec[] = bulkGroupBindings("orphan", PER_BINDING);
const TOTAL_WRITES_PLANNED = 3 * PER_BINDING;

let emulator: RunningEmulator;
let p: TestProgram;
let watched: Descendant[] = [];
const figures: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    apiToken: ORG.token,
    seed: reliabilityOrgSeed({ bulkGroups: TOTAL_WRITES_PLANNED }),
    rateLimit: { limit: 5000, windowSeconds: 60 },
  });
  p = await createProgram({ project: "orphan", program: RELIABILITY_PROGRAM, config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, BINDINGS) });
});
afterAll(async () => {
  console.log(`[reliability:orphan] ${figures.join("; ")}`);
  // Whatever outlived a failed run must not keep writing after the suite.
  for (const d of watched) if (liveState(d.pid) !== undefined) process.kill(d.pid, "SIGKILL");
  await p?.cleanup();
  await emulator?.close();
});

/** Waits until `count` writes have arrived, failing if the CLI ends first. */
async function writesArrive(run: CliRun, count: number): Promise<void> {
  const ended = run.done.then((r) => `pulumi up ended by itself (code ${r.code}) before the kill:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  for (let writes = 0; writes < count; ) {
    const next = await Promise.race([emulator.nextRequest(), ended]);
    if (typeof next === "string") throw new Error(next);
    if (isApiWrite(next)) writes++;
  }
}

const isProvider = (d: Descendant) => /dynamic-provider|pulumi-resource-pulumi-nodejs/.test(d.command);
const isLanguageHost = (d: Descendant) => /pulumi-language-nodejs/.test(d.command);
const msAfter = (killedAt: number) => (e: RequestLogEntry) => Date.parse(e.time) - killedAt;

it("after a SIGKILL of the CLI alone mid-apply, the provider sends nothing more than 5 s later and it and the language host exit within 5 s", async () => {
  emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: SLOW_MS });
  const run = startCli(p, ["up", "--yes", "--skip-preview"]);
  const cliPid = run.child.pid as number;
  await writesArrive(run, WRITES_BEFORE_KILL);

  // Everything the engine started, seen while the CLI is still its parent.
  watched = descendantsOf(cliPid);
  const providers = watched.filter(isProvider);
  const hosts = watched.filter(isLanguageHost);
  expect(providers.map((d) => d.command)).toEqual(expect.arrayContaining([expect.stringMatching(/cmd[\\/]dynamic-provider/)]));
  expect(hosts).not.toHaveLength(0);

  const exited = once(run.child, "exit");
  run.child.kill("SIGKILL"); // only the CLI: no signal reaches the plugins
  const killedAt = Date.now();
  expect((await exited)[1]).toBe("SIGKILL");

  // Gone within the budget, counted from the kill.
  const remaining = () => Math.max(0, BUDGET_MS - (Date.now() - killedAt));
  await waitUntilGone(providers.map((d) => d.pid), remaining());
  const providerGoneMs = Date.now() - killedAt;
  await waitUntilGone(hosts.map((d) => d.pid), remaining());
  const hostGoneMs = Date.now() - killedAt;

  // With the provider gone nothing more can arrive; let in-flight requests finish their delay.
  emulator.setFaults(undefined);
  const log = await allSettled(emulator);
  const afterKill = log.filter((e) => msAfter(killedAt)(e) > 0);
  const lastMs = afterKill.length ? Math.max(...afterKill.map(msAfter(killedAt))) : 0;
  const writesLanded = log.filter((e) => isApiWrite(e) && e.status !== null && e.status >= 200 && e.status < 300).length;

  figures.push(
    `killed after ${WRITES_BEFORE_KILL} writes (${writesLanded}/${TOTAL_WRITES_PLANNED} landed in all); ` +
      `${afterKill.length} requests (${afterKill.filter(isApiWrite).length} writes) arrived after the kill, the last ${lastMs} ms after it; ` +
      `provider gone ${providerGoneMs} ms, language host gone ${hostGoneMs} ms after the kill`,
  );
  expect(afterKill.filter((e) => msAfter(killedAt)(e) > BUDGET_MS)).toEqual([]);
  // The apply really was cut short: the plan was not finished for the dead engine.
  expect(writesLanded).toBeLessThan(TOTAL_WRITES_PLANNED);
});
