// A write that times out on the client can still take effect on the server. The retry of a
// target removal then meets 404; the removal is done, and the run must neither fail nor stop.
import { startEmulator, RunningEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { faultRequestAfter } from "./helpers/fault-once";
import { allSettled, targetsIn } from "./helpers/log-audit";
import { reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, reliabilityConfig } from "./helpers/reliability-program";

jest.setTimeout(180_000);

/** The client gives up after 1 s; the slowed DELETE takes effect at 1.2 s; the retry comes at ≥ 1.5 s. */
const TIMEOUT_MS = 1000;
const SLOW_MS = 1200;

const bob = (groupIds: string[]): ReliabilitySpec[] => [
  { type: "GroupTargetBinding", name: "bob-groups", args: { userId: ORG.bob, roleType: "USER_ADMIN", groupIds, lastTarget: "retain" } },
];
const isTargetList = (e: { method: string; path: string }) => e.method === "GET" && e.path.endsWith("/targets/groups");
const bobGroups = (emulator: RunningEmulator) => targetsIn(emulator.state(), ORG.bob, ORG.USER_ADMIN)?.groups;

let emulator: RunningEmulator;
let p: TestProgram;
const figures: string[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: reliabilityOrgSeed() });
  p = await createProgram({
    project: "timed-out-writes",
    program: RELIABILITY_PROGRAM,
    config: reliabilityConfig(emulator.url, { apiToken: ORG.token }, bob([ORG.eng, ORG.emea, ORG.apac]), { requestTimeoutMs: TIMEOUT_MS }),
  });
  await p.up();
});
afterAll(async () => {
  console.log(`[reliability:timed-out-writes] ${figures.join("; ")}`);
  await p?.cleanup();
  await emulator?.close();
});

/** Asserts the log shows the scenario: the slowed DELETE answered 2xx after the client left, and its retry met 404. */
function expectLandedThenRetried404(victimIndex: number): void {
  const [victim, ...after] = emulator.requests(victimIndex);
  expect(victim).toMatchObject({ method: "DELETE", fault: "slow", status: 204 });
  expect(after.find((e) => e.path === victim.path && e.retryCount === "1")).toMatchObject({ method: "DELETE", status: 404 });
}

it("an update succeeds when a removal timed out, took effect, and its retry found the target gone", async () => {
  await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(bob([ORG.eng])) });
  const faulted = faultRequestAfter(emulator, isTargetList, "slow", SLOW_MS);
  const result = await p.up().then(() => "succeeded", (e: Error) => e.message);
  const victim = await faulted;
  await allSettled(emulator, victim.index);
  expectLandedThenRetried404(victim.index);
  expect(result).toBe("succeeded");
  expect(bobGroups(emulator)).toEqual([ORG.eng]);
  figures.push("update whose DELETE landed after a timeout and whose retry met 404: succeeded, extra=0");
});

it("destroy removes every owned target but the retained one when a removal timed out after taking effect", async () => {
  await p.stack.setConfig("e2e:bindings", { value: JSON.stringify(bob([ORG.eng, ORG.emea, ORG.apac])) });
  await p.up({ refresh: true }); // independent of how the test before ended
  expect(bobGroups(emulator)).toEqual([ORG.apac, ORG.emea, ORG.eng]);
  const faulted = faultRequestAfter(emulator, isTargetList, "slow", SLOW_MS);
  await p.destroy();
  const victim = await faulted;
  await allSettled(emulator, victim.index);
  expectLandedThenRetried404(victim.index);
  // lastTarget "retain" keeps exactly one target; the other two must be gone.
  expect(bobGroups(emulator)).toHaveLength(1);
  figures.push("destroy with the same fault: removed every owned target but the retained one, extra=0");
});
