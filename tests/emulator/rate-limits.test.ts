// Rate limits per endpoint family on an injected clock, and the protocol headers on every response.
import { expectStatus } from "./helpers/api";
import { assignRole, createUser } from "./helpers/fixtures";
import { useEmulator } from "./helpers/running-emulator";

let clock = Date.parse("2025-03-14T03:52:10.500Z");
const ctx = useEmulator({ now: () => clock, rateLimit: { limit: 3, windowSeconds: 60 } });

beforeEach(() => {
  clock = Date.parse("2025-03-14T03:52:10.500Z");
});

function rateHeaders(headers: Headers): { limit: number; remaining: number; reset: number } {
  return {
    limit: Number(headers.get("x-rate-limit-limit")),
    remaining: Number(headers.get("x-rate-limit-remaining")),
    reset: Number(headers.get("x-rate-limit-reset")),
  };
}

describe("rate limits", () => {
  it("counts down X-Rate-Limit-Remaining and answers 429 E0000047 when the family's window is spent", async () => {
    const seen = [];
    for (let i = 0; i < 3; i += 1) seen.push(rateHeaders(expectStatus(await ctx.api("GET", "/api/v1/groups"), 200).headers).remaining);
    expect(seen).toEqual([2, 1, 0]);
    const limited = expectStatus(await ctx.api("GET", "/api/v1/groups"), 429);
    expect(limited.body).toMatchObject({ errorCode: "E0000047", errorSummary: "API call exceeded rate limit due to too many requests." });
    expect(rateHeaders(limited.headers)).toEqual({ limit: 3, remaining: 0, reset: Date.parse("2025-03-14T03:53:00Z") / 1000 });
    expect(limited.headers.get("x-okta-request-id")).toBeTruthy();
    expect(Date.parse(limited.headers.get("date") ?? "")).toBe(Date.parse("2025-03-14T03:52:10Z"));
  });

  it("keeps separate windows per endpoint family", async () => {
    for (let i = 0; i < 3; i += 1) expectStatus(await ctx.api("GET", "/api/v1/groups"), 200);
    expectStatus(await ctx.api("GET", "/api/v1/groups"), 429);
    const user = await createUser(ctx.api);
    expectStatus(await ctx.api("GET", `/api/v1/users/${user}/roles`), 200);
  });

  it("opens a fresh window once the clock passes X-Rate-Limit-Reset, without waiting", async () => {
    for (let i = 0; i < 3; i += 1) expectStatus(await ctx.api("GET", "/api/v1/apps"), 200);
    const limited = expectStatus(await ctx.api("GET", "/api/v1/apps"), 429);
    const wait = rateHeaders(limited.headers).reset * 1000 - Date.parse(limited.headers.get("date") ?? "");
    clock += wait + 1000;
    const again = expectStatus(await ctx.api("GET", "/api/v1/apps"), 200);
    expect(rateHeaders(again.headers).remaining).toBe(2);
  });

  it("groups role-target calls of all principal kinds into one family", async () => {
    const user = `/api/v1/users/${await createUser(ctx.api)}`;
    const role = `${user}/roles/${await assignRole(ctx.api, user, "USER_ADMIN")}`;
    for (let i = 0; i < 3; i += 1) expectStatus(await ctx.api("GET", `${role}/targets/groups`), 200);
    expectStatus(await ctx.api("GET", "/api/v1/groups/00g00000000000000000/roles/KVJUKUS7IFCE2SKO/targets/groups"), 429);
  });

  it.each([
    ["a success", "GET", "/api/v1/groups", 200],
    ["a 404 error", "GET", "/api/v1/groups/00g00000000000000000", 404],
    ["an unknown route", "GET", "/api/v1/nothing-here", 404],
    ["a token error", "POST", "/oauth2/v1/token", 400],
  ])("puts Date, X-Okta-Request-Id and the three X-Rate-Limit headers on %s", async (_what, method, path, status) => {
    const response = expectStatus(await ctx.api(method, path), status);
    for (const header of ["date", "x-okta-request-id", "x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"]) {
      expect(response.headers.get(header)).toBeTruthy();
    }
    expect(rateHeaders(response.headers).reset).toBeGreaterThan(clock / 1000);
  });

  it("gives each response its own request id", async () => {
    const a = await ctx.api("GET", "/api/v1/users");
    const b = await ctx.api("GET", "/api/v1/users");
    expect(a.headers.get("x-okta-request-id")).not.toBe(b.headers.get("x-okta-request-id"));
  });
});
