// Proves the pacer spreads a low budget evenly until reset, waits out a spent one, and is shared per org.
import { pacerForOrg, RateLimitPacer } from "../../../sdk/http/rate-limit-pacer";
import { endpointFamily } from "../../../sdk/http/endpoint-family";
import { useFakeServer } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const T0 = Date.parse("Thu, 13 Mar 2025 23:28:24 GMT");
const PATH = "/api/v1/groups/00g1/roles/JBCUYUC7IRCVGS27IFCE2SKO/targets/groups";
const headers = (remaining: number, resetInSeconds: number, limit = 100): Record<string, string> => ({
  "x-rate-limit-limit": String(limit),
  "x-rate-limit-remaining": String(remaining),
  "x-rate-limit-reset": String(T0 / 1000 + resetInSeconds),
  date: new Date(T0).toUTCString(),
});

describe("RateLimitPacer", () => {
  it("lets requests through while nothing is known or the budget is healthy", () => {
    const pacer = new RateLimitPacer();
    expect(pacer.reserve(PATH, T0).delayMs).toBe(0);
    pacer.observe(PATH, headers(50, 20), T0);
    for (let i = 0; i < 30; i++) expect(pacer.reserve(PATH, T0).delayMs).toBe(0);
  });

  it("counts requests sent before a window's first answer against that window", () => {
    const pacer = new RateLimitPacer();
    for (let i = 0; i < 8; i++) expect(pacer.reserve(PATH, T0).delayMs).toBe(0); // eight in flight, nothing known
    pacer.observe(PATH, headers(4, 20), T0); // the first answer saw only itself
    // 4 left minus the 7 others still in flight: the budget is spent until the reset.
    expect(pacer.reserve(PATH, T0).delayMs).toBe(21_000);
  });

  it("counts a request that waited out a spent window in the window it is sent in", () => {
    const pacer = new RateLimitPacer();
    pacer.observe(PATH, headers(0, 20), T0);
    const waiting = pacer.reserve(PATH, T0);
    expect(waiting).toMatchObject({ delayMs: 21_000, claimed: false }); // not counted yet: reserve again after the wait
    const t1 = T0 + 21_000;
    for (let i = 0; i < 3; i++) expect(pacer.reserve(PATH, t1)).toMatchObject({ delayMs: 0, claimed: true });
    const next = { ...headers(50, 30), date: new Date(t1).toUTCString() };
    pacer.observe(PATH, next, t1); // the first answer of the new window counted only itself
    expect(pacer.reserve(PATH, t1).remaining).toBe(48);
  });

  it("spreads the last requests of the reserve evenly until the reset", () => {
    const pacer = new RateLimitPacer();
    pacer.observe(PATH, headers(4, 20), T0); // reset + 1 s is 21 s away: 5.25 s per request
    const delays = [1, 2, 3, 4].map(() => pacer.reserve(PATH, T0).delayMs);
    expect(delays).toEqual([0, 5250, 10500, 15750]);
  });

  it("waits for the reset once the budget is spent, then lets requests go", () => {
    const pacer = new RateLimitPacer();
    pacer.observe(PATH, headers(0, 20), T0);
    expect(pacer.reserve(PATH, T0).delayMs).toBe(21_000);
    expect(pacer.reserve(PATH, T0 + 21_000).delayMs).toBe(0);
  });

  it("uses the server's Date, not the local clock, to place the reset", () => {
    const pacer = new RateLimitPacer();
    const localNow = T0 + 3_600_000; // local clock an hour ahead of Okta's
    pacer.observe(PATH, headers(0, 10), localNow);
    expect(pacer.reserve(PATH, localNow).delayMs).toBe(11_000);
  });

  it("keeps the lowest remaining count when responses of one window arrive out of order", () => {
    const pacer = new RateLimitPacer({ minReserve: 0, reserveFraction: 0 });
    pacer.observe(PATH, headers(0, 20), T0);
    pacer.observe(PATH, headers(7, 20), T0);
    expect(pacer.reserve(PATH, T0).delayMs).toBe(21_000);
  });

  it("tracks endpoint families separately", () => {
    const pacer = new RateLimitPacer();
    pacer.observe(PATH, headers(0, 20), T0);
    expect(pacer.reserve("/api/v1/users/00u1/roles", T0).delayMs).toBe(0);
    expect(pacer.reserve("/oauth2/v1/clients/0oa1/roles/X/targets/catalog/apps", T0).delayMs).toBe(21_000);
  });

  it.each([
    ["/oauth2/v1/token", "token"],
    ["/api/v1/users/00u1/roles", "role-assignments"],
    ["/api/v1/groups/00g1/roles/IFI", "role-assignments"],
    ["/oauth2/v1/clients/0oa1/roles/IFI/targets/groups/00g1", "role-targets"],
    ["/api/v1/users/roles/roles/targets/targets/groups", "role-targets"],
    ["/api/v1/apps/0oa1", "/api/v1/apps"],
  ])("puts %s in the %s family", (path, family) => {
    expect(endpointFamily(path)).toBe(family);
  });

  it("is one shared instance per org origin", () => {
    expect(pacerForOrg("https://a.okta.com")).toBe(pacerForOrg("https://a.okta.com/"));
    expect(pacerForOrg("https://a.okta.com")).not.toBe(pacerForOrg("https://b.okta.com"));
  });
});

describe("pacing through the client", () => {
  const server = useFakeServer();

  it("slows down when X-Rate-Limit-Remaining runs low, so no 429 is met", async () => {
    let remaining = 3;
    server.handle(() => {
      const reply = remaining < 0 ? { status: 429, body: {} } : { status: 200, body: [] };
      const h = { ...headers(Math.max(remaining, 0), 30), "X-Okta-Request-Id": "r" };
      remaining--;
      return { ...reply, headers: h };
    });
    const { client, clock, events } = makeClient(server.url);
    for (let i = 0; i < 4; i++) await client.listAll(PATH);
    // After the first response (3 left, reset + 1 s is 31 s away) the three remaining
    // requests get equal 31 s / 3 slots: the first at once, the others 10.33 s apart.
    expect(clock.sleeps).toHaveLength(2);
    for (const ms of clock.sleeps) expect(Math.abs(ms - 31_000 / 3)).toBeLessThanOrEqual(1);
    expect(events.every((e) => e.type === "pace")).toBe(true);
    expect(events[0]).toMatchObject({ type: "pace", family: "role-targets", method: "GET", path: PATH });
    expect(server.requests.length).toBe(4);
  });

  it("shares one budget between clients of the same org", async () => {
    server.handle(() => ({ status: 200, headers: headers(0, 30), body: [] }));
    const org = server.url.replace("127.0.0.1", "localhost");
    const a = makeClient(org, { pacer: undefined });
    const b = makeClient(org, { pacer: undefined });
    await a.client.listAll(PATH);
    await b.client.listAll(PATH);
    expect(a.clock.sleeps).toEqual([]);
    expect(b.clock.sleeps).toEqual([31_000]);
  });
});
