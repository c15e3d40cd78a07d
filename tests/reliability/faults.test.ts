// Real-engine `pulumi up` of every binding kind on every principal kind while the emulator
// injects 429s, 500s, 503s, 409s, connection resets and answers slower than the client waits.
import { FaultKind, RunningEmulator, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { compareTargets } from "./helpers/expected-targets";
import { allSettled, figuresOf, recordCompletions, RunFigures, unscopedMoments } from "./helpers/log-audit";
import { MORE, reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(300_000);

const ALL_FAULTS: FaultKind[] = ["429", "500", "503", "reset", "slow", "409"];
/** The client gives up on an attempt after 1.5 s; a `slow` fault answers after 4 s. */
const TIMEOUT_MS = 1500;
const SLOW_MS = 4000;
const RATE = 0.15;

const wiki = { appName: "bookmark", appId: ORG.wiki };
const sfdc = { appName: "salesforce", appId: ORG.sfdc };
const box = { appName: "box", appId: MORE.box };
const github = { appName: "github", appId: MORE.github };

const g = (name: string, args: Record<string, unknown>): ReliabilitySpec => ({ type: "GroupTargetBinding", name, args });
const c = (name: string, args: Record<string, unknown>): ReliabilitySpec => ({ type: "AppTargetBinding", name, args });
const i = (name: string, args: Record<string, unknown>): ReliabilitySpec => ({ type: "AppInstanceTargetBinding", name, args });
const alice = { userId: ORG.alice };
const bob = { userId: ORG.bob };
const it_ = { groupId: ORG.itAdmins };
const svc = { clientId: ORG.client };

/** Every binding kind on users, a group and a service app; bob's create also removes Extra. */
const CREATE: ReliabilitySpec[] = [
  g("alice-groups", { ...alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea, ORG.apac] }),
  c("alice-catalog", { ...alice, roleType: "APP_ADMIN", appNames: ["slack"] }),
  i("alice-apps", { ...alice, roleType: "APP_ADMIN", apps: [wiki] }),
  g("bob-groups", { ...bob, roleType: "USER_ADMIN", groupIds: [ORG.eng] }),
  g("it-groups", { ...it_, roleAssignmentId: ORG.USER_ADMIN, groupIds: [ORG.eng, ORG.emea] }),
  c("it-catalog", { ...it_, roleType: "APP_ADMIN", appNames: ["zoomus", "slack"] }),
  i("it-apps", { ...it_, roleType: "APP_ADMIN", apps: [wiki, sfdc] }),
  g("svc-groups", { ...svc, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.apac] }),
  c("svc-catalog", { ...svc, roleType: "APP_ADMIN", appNames: ["pagerduty", "dropbox_for_business"] }),
  i("svc-apps", { ...svc, roleType: "APP_ADMIN", apps: [sfdc, box] }),
];

/** An update that adds and removes on every principal, and replaces whole sets. */
const UPDATE: ReliabilitySpec[] = CREATE.map((s) => {
  const changed: Record<string, Record<string, unknown>> = {
    "alice-groups": { groupIds: [ORG.apac, ORG.eng] },
    "bob-groups": { groupIds: [ORG.extra, ORG.apac] },
    "it-catalog": { appNames: ["slack", "atlassian"] },
    "it-apps": { apps: [sfdc, box] },
    "svc-groups": { groupIds: [ORG.emea] },
    "svc-apps": { apps: [github] },
  };
  return changed[s.name] ? { ...s, args: { ...s.args, ...changed[s.name] } } : s;
});

interface PhaseReport {
  label: string;
  figures: RunFigures;
  failedRun: boolean;
  converged: boolean;
  lost: number;
  extra: number;
  unscoped: string[];
}
const reports: PhaseReport[] = [];

/** Runs `up` with faults on; if it fails, expects retries to have run out and converges with faults off. */
async function upUnderFaults(
  emulator: RunningEmulator,
  p: TestProgram,
  specs: ReliabilitySpec[],
  label: string,
  faults: { seed: number; rate: number; kinds: FaultKind[] },
): Promise<PhaseReport> {
  await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs) });
  const start = emulator.state();
  const since = emulator.requests().length ? emulator.requests().slice(-1)[0].index + 1 : 0;
  const completions = recordCompletions(emulator);
  emulator.setFaults({ ...faults, slowMs: SLOW_MS });
  const failure = await p.up().then(() => undefined, (e: unknown) => e as Error);
  emulator.setFaults(undefined);
  let entries = await allSettled(emulator, since);
  const figures = figuresOf(entries);
  if (failure) {
    // Only running out of retries may fail a run: the message says how many were made.
    expect(failure.message).toMatch(/after \d+ retr(y|ies)|Could not reach Okta|Okta had a server error|rate-limiting|conflict/);
    await p.up();
    entries = await allSettled(emulator, since);
  }
  completions.stop();
  const { lost, extra } = compareTargets(emulator.state(), specs);
  const report: PhaseReport = {
    label,
    figures,
    failedRun: failure !== undefined,
    converged: lost.length === 0 && extra.length === 0,
    lost: lost.length,
    extra: extra.length,
    unscoped: unscopedMoments(start, entries, completions.order()),
  };
  reports.push(report);
  expect({ lost, extra }).toEqual({ lost: [], extra: [] });
  expect(report.unscoped).toEqual([]);
  return report;
}

async function withStack(tuning: { maxRetries?: number }, run: (emulator: RunningEmulator, p: TestProgram) => Promise<void>) {
  const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
  const p = await createProgram({
    project: "faults",
    program: RELIABILITY_PROGRAM,
    config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, CREATE, { requestTimeoutMs: TIMEOUT_MS, ...tuning }),
  });
  try {
    await run(emulator, p);
  } finally {
    await p.cleanup();
    await emulator.close();
  }
}

afterAll(() => {
  const phases = reports.length;
  const sum = (f: (r: PhaseReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const kinds: Record<string, number> = {};
  for (const r of reports) for (const [k, n] of Object.entries(r.figures.faultsByKind)) kinds[k] = (kinds[k] ?? 0) + n;
  console.log(
    `[reliability:faults] runs=${phases} requests=${sum((r) => r.figures.requests)} faults-injected=${sum((r) => r.figures.faults)} ` +
      `(${Object.entries(kinds).map(([k, n]) => `${k}:${n}`).join(" ")}) requests-retried=${sum((r) => r.figures.retried)} ` +
      `runs-failed-then-converged=${sum((r) => (r.failedRun ? 1 : 0))} runs-converged=${sum((r) => (r.converged ? 1 : 0))}/${phases} ` +
      `lost=${sum((r) => r.lost)} extra=${sum((r) => r.extra)} unscoped-moments=${sum((r) => r.unscoped.length)}`,
  );
});

describe("pulumi up under injected faults", () => {
  it.concurrent.each([1, 2, 3])(
    "with fault seed %i at 15%% of requests, create and update land exactly the declared targets and never leave a role unscoped",
    async (seed) => {
      await withStack({}, async (emulator, p) => {
        for (const [phase, specs] of [["create", CREATE], ["update", UPDATE]] as const) {
          const r = await upUnderFaults(emulator, p, specs, `seed ${seed} ${phase}`, { seed: seed * 100 + specs.length, rate: RATE, kinds: ALL_FAULTS });
          expect(r.figures.faults).toBeGreaterThan(0);
          expect(r.figures.retried).toBeGreaterThan(0);
        }
      });
    },
  );

  it.concurrent("when retries run out the run fails with a message saying so, and the next up with faults off converges", async () => {
    await withStack({ maxRetries: 0 }, async (emulator, p) => {
      const r = await upUnderFaults(emulator, p, CREATE, "no retries allowed", { seed: 7, rate: 0.35, kinds: ["500", "503", "reset"] });
      expect(r.failedRun).toBe(true);
      expect(r.figures.retried).toBe(0);
    });
  });
});
