// Proves error messages say what happened and what to do, and that no credential leaks into errors or events.
import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import type { OktaAuthConfig } from "../../../sdk/auth/auth-config";
import { OktaApiError } from "../../../sdk/errors";
import { oktaError, startFakeServer, useFakeServer, type Reply } from "./helpers/fake-okta-server";
import { API_TOKEN, makeClient } from "./helpers/make-client";

const USER = { kind: "user" as const, id: "00u1" };
const RA = "IFIFAX2BIRGUSTQ";

const server = useFakeServer();

async function failure(reply: Reply | ((i: number) => Reply), auth?: OktaAuthConfig, run?: (c: ReturnType<typeof makeClient>["client"]) => Promise<unknown>): Promise<OktaApiError> {
  server.handle((req, i) => {
    if (req.url === "/oauth2/v1/token") return { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: ACCESS_TOKEN } };
    const r = typeof reply === "function" ? reply(i) : reply;
    return typeof r === "string" ? r : { ...r, headers: { "X-Okta-Request-Id": "reqid-1", ...r.headers } };
  });
  const { client } = makeClient(server.url, { ...(auth ? { auth } : {}), maxRetries: 1, requestTimeoutMs: 100 });
  const error = await (run ?? ((c) => c.listGroupTargets(USER, RA)))(client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OktaApiError);
  return error as OktaApiError;
}

const ACCESS_TOKEN = "at-SECRET-6f1d2c";

describe("OktaApiError messages", () => {
  it("says the credentials were rejected and which setting to check on 401", async () => {
    const error = await failure({ status: 401, body: oktaError("E0000011", "Invalid token provided") });
    expect(error.message).toContain("Okta rejected the credentials (E0000011 Invalid token provided)");
    expect(error.message).toContain("okta:apiToken / OKTA_API_TOKEN");
    expect(error).toMatchObject({ status: 401, method: "GET", path: `/api/v1/users/00u1/roles/${RA}/targets/groups`, requestId: "reqid-1", errorId: "oaeAbCdEfGhIjKlMnOpQrStUv" });
  });

  it("names the access-token setting when that is the credential", async () => {
    const error = await failure({ status: 401, body: oktaError("E0000011", "Invalid token provided") }, { method: "accessToken", accessToken: ACCESS_TOKEN });
    expect(error.message).toContain("okta:accessToken / OKTA_ACCESS_TOKEN");
  });

  it("names the scopes and admin permissions on 403 E0000006", async () => {
    const error = await failure({ status: 403, body: oktaError("E0000006", "You do not have permission to perform the requested action") });
    expect(error.message).toMatch(/Okta denied permission \(E0000006 .*okta\.roles\.read.*okta\.roles\.manage.*admin role/);
  });

  it("names okta.apps.read when reading an app is forbidden", async () => {
    const error = await failure({ status: 403, body: oktaError("E0000006", "You do not have permission to perform the requested action") }, undefined, (c) => c.getApp("0oa1"));
    expect(error.message).toContain("okta.apps.read");
  });

  it("says which object was not found on 404 E0000007", async () => {
    const error = await failure({ status: 404, body: oktaError("E0000007", "Not found: Resource not found: 00u1 (User)") });
    expect(error.message).toContain("Okta could not find the object (E0000007 Not found: Resource not found: 00u1 (User))");
    expect(error.message).toContain(`GET /api/v1/users/00u1/roles/${RA}/targets/groups`);
  });

  it("explains the last-target refusal and what to do instead", async () => {
    const body = { ...oktaError("E0000001", "Api validation failed: target"), errorCauses: [{ errorSummary: "Cannot remove the last target" }] };
    const error = await failure({ status: 400, body }, undefined, (c) => c.removeGroupTarget(USER, RA, "00g1"));
    expect(error.errorCauses).toEqual([{ errorSummary: "Cannot remove the last target" }]);
    expect(error.message).toContain("Api validation failed: target: Cannot remove the last target");
    expect(error.message).toContain("add the new target first");
  });

  it("explains a wrong kind of target for the role (E0000091)", async () => {
    const error = await failure({ status: 400, body: oktaError("E0000091", "The provided role type was not the same as required role type.") });
    expect(error.message).toContain("app targets need APP_ADMIN");
  });

  it("says the rate limit was still hit after the retries", async () => {
    const error = await failure({ status: 429, body: oktaError("E0000047", "API call exceeded rate limit due to too many requests.") });
    expect(error).toMatchObject({ status: 429, retries: 1 });
    expect(error.message).toMatch(/kept rate-limiting.*after 1 retry.*lower the parallelism/);
  });

  it("reports a network failure as status 0 and points at the org URL", async () => {
    const closed = await startFakeServer();
    await closed.close();
    const { client } = makeClient(closed.url);
    const error = (await client.listGroupTargets(USER, RA).catch((e: unknown) => e)) as OktaApiError;
    expect(error).toMatchObject({ status: 0, errorCode: "ECONNREFUSED", retries: 0 });
    expect(error.message).toMatch(/^Could not reach Okta .*Check .*okta:orgUrl.*127\.0\.0\.1/);
  });
});

describe("redaction", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const pemLine = pem.split("\n")[5];

  function expectNoSecret(thing: unknown, secrets: string[]): void {
    const views = [
      inspect(thing, { depth: Infinity, showHidden: true }),
      JSON.stringify(thing),
      thing instanceof Error ? `${thing.message}\n${thing.stack}\n${inspect(thing.cause, { depth: Infinity, showHidden: true })}` : "",
    ];
    for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
  }

  const FAILURES: [string, Reply | ((i: number) => Reply)][] = [
    ["a 401", { status: 401, body: oktaError("E0000011", "Invalid token provided") }],
    ["a 500 after retries", { status: 500, body: oktaError("E0000009", "Internal Server Error") }],
    ["connection resets", "reset"],
    ["timeouts", "hang"],
  ];

  it.each(FAILURES)("keeps the API token out of the error for %s", async (_name, reply) => {
    const error = await failure(reply);
    expectNoSecret(error, [API_TOKEN]);
    expect((error.cause as { config?: unknown } | undefined)?.config).toBeUndefined();
    expect((error.cause as { request?: unknown } | undefined)?.request).toBeUndefined();
  });

  it.each(FAILURES)("keeps the access token out of the error for %s", async (_name, reply) => {
    const error = await failure(reply, { method: "accessToken", accessToken: ACCESS_TOKEN });
    expectNoSecret(error, [ACCESS_TOKEN]);
  });

  it.each(FAILURES)("keeps the service app's token, assertion and key out of the error and events for %s", async (_name, reply) => {
    const events: unknown[] = [];
    server.handle((req, i) => {
      if (req.url === "/oauth2/v1/token") return { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: ACCESS_TOKEN } };
      return typeof reply === "function" ? reply(i) : reply;
    });
    const { client } = makeClient(server.url, {
      auth: { method: "privateKey", clientId: "0oa1", privateKey: pem },
      maxRetries: 1,
      requestTimeoutMs: 100,
      onEvent: (e) => events.push(e),
    });
    const error = await client.listGroupTargets(USER, RA).catch((e: unknown) => e);
    const assertion = new URLSearchParams(server.requests.find((r) => r.url === "/oauth2/v1/token")?.body).get("client_assertion") ?? "";
    expect(assertion.length).toBeGreaterThan(100);
    const secrets = [ACCESS_TOKEN, assertion, assertion.split(".")[2], pemLine];
    expectNoSecret(error, secrets);
    expectNoSecret(events, secrets);
    expectNoSecret(client, secrets);
  });

  it("keeps the assertion out of a token endpoint error", async () => {
    server.handle(() => ({ status: 401, body: { error: "invalid_client", error_description: "The client_assertion signature is invalid." } }));
    const { client } = makeClient(server.url, { auth: { method: "privateKey", clientId: "0oa1", privateKey: pem } });
    const error = await client.listGroupTargets(USER, RA).catch((e: unknown) => e);
    const assertion = new URLSearchParams(server.requests[0].body).get("client_assertion") ?? "";
    expectNoSecret(error, [assertion.split(".")[2], pemLine]);
  });
});
