// Progress lines during long waits: worded for a person, only for waits of 2 s or more, and not repeated.
import { createProgressReporter, progressMessage } from "../../../provider/progress-messages";
import type { OktaEvent, RetryEvent } from "../../../sdk/http/okta-event";

const ROLES = "/api/v1/users/00ualice000000000001/roles";
const retry = (over: Partial<RetryEvent> = {}): RetryEvent => ({
  type: "retry",
  method: "GET",
  path: ROLES,
  attempt: 1,
  delayMs: 12_000,
  reason: "rate-limited",
  status: 429,
  ...over,
});

describe("progressMessage", () => {
  it.each<[string, OktaEvent, string | undefined]>([
    ["a 429 retry", retry(), `waiting 12 s for Okta's rate limit (429 on GET ${ROLES}), then attempt 2 of 6`],
    ["a second 429 retry", retry({ attempt: 2, delayMs: 30_000 }), `waiting 30 s for Okta's rate limit (429 on GET ${ROLES}), then attempt 3 of 6`],
    ["a 503 retry", retry({ reason: "server-error", status: 503, delayMs: 2_500 }), `waiting 3 s after an Okta server error (HTTP 503 on GET ${ROLES}), then attempt 2 of 6`],
    ["a reset connection", retry({ reason: "network-error", status: 0, errorCode: "ECONNRESET", delayMs: 4_000 }), `waiting 4 s after a network error (ECONNRESET on GET ${ROLES}), then attempt 2 of 6`],
    ["a timeout", retry({ reason: "timeout", status: 0, errorCode: "ETIMEDOUT", delayMs: 2_000 }), `waiting 2 s after a timeout (GET ${ROLES}), then attempt 2 of 6`],
    [
      "a concurrent role change",
      retry({ method: "PUT", reason: "concurrent-change", status: 409, errorCode: "E0000268", delayMs: 3_000 }),
      `waiting 3 s while another request changes the same role assignments (409 E0000268 on PUT ${ROLES}), then attempt 2 of 6`,
    ],
    [
      "pacing",
      { type: "pace", method: "get", path: ROLES, family: "roles", delayMs: 125_000, remaining: 3 },
      `waiting 2 min 5 s to stay within Okta's rate limit (GET ${ROLES}; 3 requests left in this window)`,
    ],
    ["a wait just under 2 s", retry({ delayMs: 1_999 }), undefined],
    ["a DPoP nonce retry (no wait)", retry({ reason: "dpop-nonce", status: 401, delayMs: 0 }), undefined],
    ["a short pace", { type: "pace", method: "GET", path: ROLES, family: "roles", delayMs: 500, remaining: 10 }, undefined],
    ["a token event", { type: "token", dpop: false, expiresInSeconds: 3600, scopes: ["okta.roles.read"] }, undefined],
  ])("words %s", (_name, event, expected) => {
    expect(progressMessage(event, { maxRetries: 5 })).toBe(expected);
  });

  it("leaves out 'of N' when the retry budget is not given, and never prints a query string", () => {
    expect(progressMessage(retry({ path: `${ROLES}?after=secret-cursor` }))).toBe(
      `waiting 12 s for Okta's rate limit (429 on GET ${ROLES}), then attempt 2`,
    );
  });

  it("honours a custom threshold", () => {
    expect(progressMessage(retry({ delayMs: 4_000 }), { thresholdMs: 5_000 })).toBeUndefined();
  });
});

describe("createProgressReporter", () => {
  it("reports a request once per attempt and repeats a waiting request only after the interval", () => {
    let now = 0;
    const report = createProgressReporter({ now: () => now, maxRetries: 5, repeatAfterMs: 10_000 });
    const pace = (delayMs: number): OktaEvent => ({ type: "pace", method: "GET", path: ROLES, family: "roles", delayMs, remaining: 0 });
    const steps: [number, OktaEvent, boolean][] = [
      [0, pace(5_000), true], // first long wait of this request
      [1_000, pace(5_000), false], // same request, same attempt, within 10 s
      [2_000, retry({ attempt: 1 }), true], // moved on to a retry: new information
      [3_000, retry({ attempt: 1 }), false], // the same retry again
      [4_000, retry({ attempt: 2 }), true], // the next retry
      [5_000, retry({ path: "/api/v1/groups/00gemea0000000000001/roles" }), true], // another request
      [6_000, retry({ attempt: 1, delayMs: 500 }), false], // under the threshold
      [14_000, retry({ attempt: 2 }), true], // 10 s after the last line for this request
    ];
    const shown = steps.map(([at, event]) => {
      now = at;
      return report(event) !== undefined;
    });
    expect(shown).toEqual(steps.map(([, , expected]) => expected));
  });

  it("keeps separate state per reporter, so each binding reports its own waits", () => {
    const a = createProgressReporter({ now: () => 0 });
    const b = createProgressReporter({ now: () => 0 });
    expect(a(retry())).toBeDefined();
    expect(b(retry())).toBeDefined();
    expect(a(retry())).toBeUndefined();
  });
});
