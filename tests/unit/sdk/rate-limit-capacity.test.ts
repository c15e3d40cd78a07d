// Proves the pacer uses only okta:maxApiCapacity percent of each bucket, on an injected clock.
import { RateLimitPacer, usableBudget } from "../../../sdk/http/rate-limit-pacer";

const T0 = Date.parse("Thu, 13 Mar 2025 23:28:24 GMT");
const PATH = "/api/v1/users/00u1/roles/ra1/targets/groups";
const headers = (limit: number, remaining: number, resetInSeconds: number, now = T0): Record<string, string> => ({
  "x-rate-limit-limit": String(limit),
  "x-rate-limit-remaining": String(remaining),
  "x-rate-limit-reset": String(Math.floor(T0 / 1000) + resetInSeconds),
  date: new Date(now).toUTCString(),
});

/** Sends `count` requests one after another, as the executor does: reserve, wait, send, observe. */
function drive(pacer: RateLimitPacer, limit: number, count: number, capacity?: number): { sentAt: number[] } {
  let now = T0;
  let used = 0; // what the server has counted in its current 60 s window
  let windowStart = T0;
  const sentAt: number[] = [];
  while (sentAt.length < count) {
    const r = pacer.reserve(PATH, now, capacity);
    now += r.delayMs;
    if (!r.claimed) continue;
    if (now >= windowStart + 60_000) {
      windowStart += 60_000 * Math.floor((now - windowStart) / 60_000);
      used = 0;
    }
    used++;
    sentAt.push(now);
    const reset = Math.floor((windowStart + 60_000 - T0) / 1000);
    pacer.observe(PATH, headers(limit, Math.max(0, limit - used), reset, now), now);
  }
  return { sentAt };
}

function perWindow(sentAt: number[]): number[] {
  const counts = new Map<number, number>();
  for (const t of sentAt) {
    const w = Math.floor((t - T0) / 60_000);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.values()];
}

describe("okta:maxApiCapacity in the pacer", () => {
  it.each([
    [100, 100, 100],
    [100, 50, 50],
    [100, 25, 25],
    [7, 50, 3],
    [50, 1, 1],
  ])("of a bucket of %i at %i%% uses %i requests", (limit, capacity, budget) => {
    expect(usableBudget(limit, capacity)).toBe(budget);
  });

  it("waits for the reset once limit − remaining reaches limit × capacity / 100", () => {
    const pacer = new RateLimitPacer({ capacityPercent: 50, minReserve: 0, reserveFraction: 0 });
    pacer.observe(PATH, headers(10, 6, 20), T0); // 4 of the 10 used: one more fits in half
    expect(pacer.reserve(PATH, T0)).toMatchObject({ delayMs: 0, claimed: true, remaining: 1 });
    expect(pacer.reserve(PATH, T0)).toMatchObject({ delayMs: 21_000, claimed: false });
    expect(pacer.reserve(PATH, T0 + 21_000)).toMatchObject({ delayMs: 0, claimed: true });
  });

  it("waits at once when others have already used more than this client's share", () => {
    const pacer = new RateLimitPacer({ capacityPercent: 25 });
    pacer.observe(PATH, headers(100, 60, 30), T0); // 40 used by anyone: over the 25 allowed
    expect(pacer.reserve(PATH, T0)).toMatchObject({ delayMs: 31_000, claimed: false, remaining: 0 });
  });

  it("lets a per-call capacity override the pacer's, so clients of one org can share a pacer", () => {
    const pacer = new RateLimitPacer({ minReserve: 0, reserveFraction: 0 });
    pacer.observe(PATH, headers(10, 5, 20), T0);
    expect(pacer.reserve(PATH, T0, 50).claimed).toBe(false);
    expect(pacer.reserve(PATH, T0, 100)).toMatchObject({ claimed: true, remaining: 5 });
  });

  it.each([
    [100, 60],
    [50, 30],
    [25, 15],
  ])("sends at most the share of a 60-request bucket per window at %i%% (%i)", (capacity, share) => {
    const pacer = new RateLimitPacer();
    const { sentAt } = drive(pacer, 60, 200, capacity);
    const counts = perWindow(sentAt);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    for (const n of counts) expect(n).toBeLessThanOrEqual(share);
    expect(Math.max(...counts)).toBe(share); // and it does use its share
  });

  it("refuses a capacity outside 1..100", () => {
    expect(() => new RateLimitPacer({ capacityPercent: 0 })).toThrow(/capacityPercent must be a whole number from 1 to 100; got 0/);
    expect(() => new RateLimitPacer().reserve(PATH, T0, 101)).toThrow(RangeError);
  });
});
