// Proves okta:maxRetries, backoff, min/maxWaitSeconds, requestTimeout, logLevel and maxApiCapacity from stack config are honoured, against the in-process emulator.
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fakeClock } from "../unit/sdk/helpers/fake-clock";
import { ORG, testOrgSeed } from "../helpers/test-org";
import { clientFromConfig } from "./helpers/client-from-config";

const alice = { kind: "user", id: ORG.alice } as const;

let emulator: RunningEmulator;
const base = (): Record<string, string> => ({ "okta:orgUrl": emulator.url, "okta:apiToken": ORG.token });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
});
afterAll(async () => emulator?.close());
beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
  emulator.setFaults(undefined);
});

describe("okta:maxRetries, okta:backoff, okta:minWaitSeconds and okta:maxWaitSeconds", () => {
  it("makes exactly okta:maxRetries retries, waiting from okta:minWaitSeconds up to okta:maxWaitSeconds", async () => {
    emulator.setFaults({ rate: 1, kinds: ["503"], seed: 1 });
    const clock = fakeClock(Date.now(), 1); // random 1: each wait is its full backoff ceiling
    const { client } = clientFromConfig(
      { ...base(), "okta:maxRetries": "4", "okta:minWaitSeconds": "2", "okta:maxWaitSeconds": "5" },
      { clock },
    );
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/HTTP 503.*after 4 retries/);
    expect(emulator.requests()).toHaveLength(5);
    expect(clock.sleeps).toEqual([2000, 4000, 5000, 5000]);
  });

  it("with okta:backoff false, fails a 503 at once instead of retrying it", async () => {
    emulator.setFaults({ rate: 1, kinds: ["503"], seed: 1 });
    const clock = fakeClock();
    const { client } = clientFromConfig({ ...base(), "okta:backoff": "false" }, { clock });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/HTTP 503/);
    expect(emulator.requests()).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("with okta:backoff false, still retries a 429 after the rate-limit reset", async () => {
    emulator.setFaults({ rate: 1, kinds: ["429"], seed: 1 });
    const clock = fakeClock();
    const { client } = clientFromConfig({ ...base(), "okta:backoff": "false", "okta:maxRetries": "2" }, { clock });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/kept rate-limiting the request .* after 2 retries/);
    expect(emulator.requests()).toHaveLength(3);
  });
});

describe("okta:requestTimeout", () => {
  it("gives up on an attempt after okta:requestTimeout seconds", async () => {
    emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 5000 });
    const { client } = clientFromConfig({ ...base(), "okta:requestTimeout": "1", "okta:maxRetries": "0" });
    const started = Date.now();
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/Could not reach Okta \(ETIMEDOUT/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe("okta:logLevel", () => {
  it("writes one line per request at 2 (DEBUG), nothing at the default 5 (ERROR), and never a credential", async () => {
    const debug = clientFromConfig({ ...base(), "okta:logLevel": "2" });
    await debug.client.listRoleAssignments(alice);
    expect(debug.lines).toEqual([expect.stringMatching(new RegExp(`^okta: GET /api/v1/users/${ORG.alice}/roles -> HTTP 200 in \\d+ ms, X-Okta-Request-Id \\S+$`))]);
    expect(debug.lines.join("\n")).not.toContain(ORG.token);
    const quiet = clientFromConfig(base());
    await quiet.client.listRoleAssignments(alice);
    expect(quiet.lines).toEqual([]);
  });

  it("writes retries at 3 (INFO) but not each request", async () => {
    emulator.setFaults({ rate: 1, kinds: ["500"], seed: 1 });
    const { client, lines } = clientFromConfig({ ...base(), "okta:logLevel": "3", "okta:maxRetries": "1" }, { clock: fakeClock() });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow();
    expect(lines).toEqual([expect.stringMatching(/^okta: retry 1 of GET \/api\/v1\/users\/\S+\/roles in \d+ ms \(server-error, HTTP 500/)]);
  });
});

describe("okta:maxApiCapacity", () => {
  it.each([
    ["50", 5],
    ["100", 10],
  ])("at %s %% sends at most %i of the emulator's 10 per window, uses them all, and no request is refused", async (capacity, share) => {
    const limit = 10;
    const clock = fakeClock(Date.parse("2025-03-14T03:50:00Z"));
    const limited = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed(), now: clock.now, rateLimit: { limit, windowSeconds: 60 } });
    try {
      const { client } = clientFromConfig({ "okta:orgUrl": limited.url, "okta:apiToken": ORG.token, "okta:maxApiCapacity": capacity }, { clock });
      for (let i = 0; i < 25; i++) await client.listRoleAssignments(alice);
      const log = limited.requests();
      expect(log).toHaveLength(25);
      expect(log.filter((r) => r.status === 429)).toEqual([]);
      const perWindow = new Map<string, number>();
      for (const r of log) {
        const window = `${r.family} ${Math.floor(Date.parse(r.time) / 60_000)}`;
        perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
      }
      expect(perWindow.size).toBeGreaterThanOrEqual(Math.ceil(25 / share));
      expect(Math.max(...perWindow.values())).toBe(share);
    } finally {
      await limited.close();
    }
  });
});
