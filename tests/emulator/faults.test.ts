// Fault injection: each kind, determinism by seed, scope (API routes only), and validation.
import { apiFor, expectStatus, type Api } from "./helpers/api";
import { createGroup, createUser } from "./helpers/fixtures";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();
let control: Api;

beforeAll(() => {
  control = apiFor(ctx.emulator.url, null);
});

const setFaults = async (settings: unknown): Promise<void> => {
  expectStatus(await control("POST", "/__emulator/faults", settings), 204);
};

describe("fault injection", () => {
  it.each([
    ["500", 500, "E0000009"],
    ["503", 503, "E0000010"],
    ["409", 409, "E0000268"],
  ])("answers every API call with a %s fault as Okta's error body", async (kind, status, code) => {
    await setFaults({ rate: 1, kinds: [kind], seed: 1 });
    const response = expectStatus(await ctx.api("GET", "/api/v1/groups"), status);
    expect(response.body).toMatchObject({ errorCode: code, errorLink: code, errorCauses: [] });
    expect(response.headers.get("x-rate-limit-remaining")).toBeTruthy();
  });

  it("gives a 429 fault the rate-limit headers with a reset one second ahead", async () => {
    await setFaults({ rate: 1, kinds: ["429"], seed: 1 });
    const response = expectStatus(await ctx.api("GET", "/api/v1/users"), 429);
    expect(response.body.errorCode).toBe("E0000047");
    expect(response.headers.get("x-rate-limit-remaining")).toBe("0");
    const waitMs = Number(response.headers.get("x-rate-limit-reset")) * 1000 - Date.parse(response.headers.get("date") ?? "");
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(1000);
  });

  it("resets the connection with a reset fault, leaving the org unchanged and logging status 0", async () => {
    await setFaults({ rate: 1, kinds: ["reset"], seed: 1 });
    await expect(fetch(`${ctx.emulator.url}/api/v1/groups`, { method: "POST", headers: { authorization: "SSWS emulator-token", "content-type": "application/json" }, body: JSON.stringify({ profile: { name: "Lost" } }) })).rejects.toThrow();
    expect(ctx.emulator.state().groups).toEqual([]);
    const log = ctx.emulator.requests();
    expect(log[log.length - 1]).toMatchObject({ status: 0, fault: "reset" });
  });

  it("answers a slow fault late but normally, so a client that timed out still changed the org", async () => {
    const user = `/api/v1/users/${await createUser(ctx.api)}`;
    await setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 2000 });
    const abort = new AbortController();
    const arrived = ctx.emulator.nextRequest();
    const timedOut = fetch(`${ctx.emulator.url}${user}/roles`, {
      method: "POST",
      headers: { authorization: "SSWS emulator-token", "content-type": "application/json" },
      body: JSON.stringify({ type: "APP_ADMIN" }),
      signal: abort.signal,
    });
    const { index } = await arrived;
    abort.abort();
    await expect(timedOut).rejects.toThrow();
    expect(ctx.emulator.state().principals).toEqual([]);
    const entry = await ctx.emulator.settled(index);
    expect(entry).toMatchObject({ fault: "slow", status: 201 });
    expect(ctx.emulator.state().principals[0]?.roleAssignments.map((ra) => ra.type)).toEqual(["APP_ADMIN"]);
  });

  it("holds a slowed request until releaseSlow, and computes its answer after the hold", async () => {
    await setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 600_000 });
    const arrived = ctx.emulator.nextRequest();
    const held = ctx.api("GET", "/api/v1/groups");
    await arrived;
    await setFaults({ rate: 0, kinds: ["slow"], seed: 1, slowMs: 600_000 });
    const added = await createGroup(ctx.api, "Added during the hold");
    ctx.emulator.releaseSlow();
    const response = expectStatus(await held, 200);
    expect(response.body.map((g: { id: string }) => g.id)).toContain(added);
  });

  it("draws the same faults for the same seed and request sequence", async () => {
    const run = async (seed: number): Promise<number[]> => {
      await setFaults({ rate: 0.5, kinds: ["500", "503", "409"], seed });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i += 1) statuses.push((await ctx.api("GET", "/api/v1/groups")).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 503, 409]));
    expect(await run(7)).not.toEqual(first);
  });

  it("spares the test controls and the token endpoint, and stops on DELETE /__emulator/faults", async () => {
    await setFaults({ rate: 1, kinds: ["500"], seed: 3 });
    expectStatus(await control("GET", "/__emulator/state"), 200);
    const token = await fetch(`${ctx.emulator.url}/oauth2/v1/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" });
    expect(token.status).toBe(401);
    expectStatus(await control("DELETE", "/__emulator/faults"), 204);
    await createGroup(ctx.api);
  });

  it("marks injected faults in the request log", async () => {
    await setFaults({ rate: 1, kinds: ["409"], seed: 5 });
    await ctx.api("GET", "/api/v1/apps");
    const log = expectStatus(await control("GET", "/__emulator/requests"), 200).body;
    expect(log[log.length - 1]).toMatchObject({ path: "/api/v1/apps", status: 409, fault: "409" });
  });

  it.each([
    [{ rate: 2, kinds: ["500"], seed: 1 }, "rate must be a number from 0 to 1"],
    [{ rate: 0.5, kinds: ["teapot"], seed: 1 }, "unknown fault kind(s): teapot"],
    [{ rate: 0.5, kinds: [], seed: 1 }, "kinds must be a non-empty array"],
    [{ rate: 0.5, kinds: ["500"] }, "seed must be an integer"],
    [{ rate: 0.5, kinds: ["slow"], seed: 1, slowMs: -5 }, "slowMs must be a non-negative integer"],
    [{ rate: 0.5, kinds: ["500"], seed: 1, colour: "red" }, "unknown field(s): colour"],
  ])("refuses fault settings %j with 400 and says why", async (settings, message) => {
    const response = expectStatus(await control("POST", "/__emulator/faults", settings), 400);
    expect(response.body.message).toContain(message);
  });
});
