// Proves what is retried (429, 5xx, resets, timeouts, E0000268), how long it waits, and what never is.
import { OktaApiError } from "../../../sdk/errors";
import type { RetryEvent } from "../../../sdk/http/okta-event";
import { oktaError, useFakeServer, type Reply } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const PATH = "/api/v1/users/00u1/roles/IFIFAX2BIRGUSTQ/targets/groups";
const DATE = "Thu, 13 Mar 2025 23:28:24 GMT";
const DATE_EPOCH = Date.parse(DATE) / 1000;
const OK: Reply = { status: 200, body: [] };

const server = useFakeServer();

/** Replies from the script in order, then 200 []. Each response gets a request id. */
function script(...replies: Reply[]): void {
  server.handle((_req, i) => {
    const reply = replies[i] ?? OK;
    if (typeof reply === "string") return reply;
    return { ...reply, headers: { "X-Okta-Request-Id": `req-${i}`, ...reply.headers } };
  });
}

const tooMany = (headers: Record<string, string>): Reply => ({
  status: 429,
  headers,
  body: oktaError("E0000047", "API call exceeded rate limit due to too many requests."),
});

describe("retries", () => {
  it("waits exactly X-Rate-Limit-Reset − Date + 1 s after a 429, then retries with Okta's retry headers", async () => {
    script(tooMany({ Date: DATE, "X-Rate-Limit-Reset": String(DATE_EPOCH + 17), "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Limit": "100" }));
    const { client, clock, events } = makeClient(server.url);
    await client.listAll(PATH);
    expect(clock.sleeps).toEqual([18_000]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].headers["x-okta-retry-for"]).toBeUndefined();
    expect(server.requests[1].headers["x-okta-retry-for"]).toBe("req-0");
    expect(server.requests[1].headers["x-okta-retry-count"]).toBe("1");
    expect(events).toEqual([
      { type: "retry", method: "GET", path: PATH, attempt: 1, delayMs: 18_000, reason: "rate-limited", status: 429, requestId: "req-0" },
    ]);
  });

  it.each([
    ["no rate-limit headers", {}],
    ["a reset before the Date", { Date: DATE, "X-Rate-Limit-Reset": String(DATE_EPOCH - 5) }],
    ["a reset that is not a number", { Date: DATE, "X-Rate-Limit-Reset": "soon" }],
    ["a reset days away", { Date: DATE, "X-Rate-Limit-Reset": String(DATE_EPOCH + 3 * 86_400) }],
  ])("falls back to jittered backoff after a 429 with %s", async (_name, headers) => {
    script(tooMany(headers));
    const { client, clock } = makeClient(server.url, { random: () => 0.5 });
    await client.listAll(PATH);
    expect(clock.sleeps).toEqual([750]); // ceiling 1000 ms, upper half, random 0.5
  });

  it.each([
    ["500", { status: 500, body: oktaError("E0000009", "Internal Server Error") }, "server-error"],
    ["503", { status: 503, body: "" }, "server-error"],
    ["409 E0000268", { status: 409, body: oktaError("E0000268", "Another request is making changes to the role assignments. Please try again.") }, "concurrent-change"],
  ] as const)("retries %s with capped exponential backoff and counts the retries", async (_name, reply, reason) => {
    script(reply, reply);
    const { client, clock, events } = makeClient(server.url);
    await client.assignGroupTarget({ kind: "user", id: "00u1" }, "IFIFAX2BIRGUSTQ", "00g1");
    expect(clock.sleeps).toEqual([750, 1500]);
    expect(server.requests.map((r) => [r.headers["x-okta-retry-for"], r.headers["x-okta-retry-count"]])).toEqual([
      [undefined, undefined],
      ["req-0", "1"],
      ["req-0", "2"],
    ]);
    expect(events.map((e) => (e as RetryEvent).reason)).toEqual([reason, reason]);
  });

  it("retries a connection reset", async () => {
    script("reset");
    const { client, events } = makeClient(server.url);
    await client.listAll(PATH);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].headers["x-okta-retry-count"]).toBe("1");
    expect(events[0]).toMatchObject({ type: "retry", reason: "network-error", status: 0, errorCode: "ECONNRESET" });
  });

  it("retries a request that timed out", async () => {
    script("hang");
    const { client, events } = makeClient(server.url, { requestTimeoutMs: 100 });
    await client.listAll(PATH);
    expect(server.requests).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: "retry", reason: "timeout", status: 0, errorCode: "ETIMEDOUT" });
  });

  it.each([
    [400, "E0000001", "Api validation failed: target"],
    [401, "E0000011", "Invalid token provided"],
    [403, "E0000006", "You do not have permission to perform the requested action"],
    [404, "E0000007", "Not found: Resource not found: 00u1 (User)"],
    [409, "E0000090", "The role specified is already assigned to the user."],
    [405, "E0000022", "The endpoint does not support the provided HTTP method"],
  ])("never retries %i %s", async (status, code, summary) => {
    script({ status, body: oktaError(code, summary) });
    const { client, clock } = makeClient(server.url);
    const error = (await client.listAll(PATH).catch((e: unknown) => e)) as OktaApiError;
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status, errorCode: code, errorSummary: summary, retries: 0, requestId: "req-0" });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("gives up after maxRetries and says how often it tried", async () => {
    server.handle(() => ({ status: 503, body: "" }));
    const { client, clock } = makeClient(server.url, { maxRetries: 2 });
    const error = (await client.listAll(PATH).catch((e: unknown) => e)) as OktaApiError;
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(error).toMatchObject({ status: 503, retries: 2 });
    expect(error.message).toContain("after 2 retries");
  });

  it("does not retry at all with maxRetries 0", async () => {
    script({ status: 500, body: "" });
    const { client } = makeClient(server.url, { maxRetries: 0 });
    await expect(client.listAll(PATH)).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it("caps the backoff at retryMaxDelayMs", async () => {
    server.handle(() => ({ status: 502, body: "" }));
    const { client, clock } = makeClient(server.url, { maxRetries: 6, retryMaxDelayMs: 4000, random: () => 1 });
    await expect(client.listAll(PATH)).rejects.toMatchObject({ status: 502, retries: 6 });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
  });

  it("turns a retried POST that meets 409 E0000090 into the assignment its first attempt made", async () => {
    server.handle((req, i) => {
      if (i === 0) return { status: 503, body: "" };
      if (req.method === "POST") return { status: 409, body: oktaError("E0000090", "The role specified is already assigned to the user.") };
      return { status: 200, body: [{ id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" }] };
    });
    const { client } = makeClient(server.url);
    await expect(client.assignRole({ kind: "user", id: "00u1" }, "APP_ADMIN")).resolves.toEqual({ id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" });
  });
});
