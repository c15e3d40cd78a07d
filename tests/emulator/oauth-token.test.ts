// POST /oauth2/v1/token: private_key_jwt client assertions, granted scopes, OAuth-form errors.
import { apiFor, expectStatus } from "./helpers/api";
import { clientAssertion, newRsaKey, requestToken, serviceAppSeed, tokenForm, type AssertionOverrides, type TestKey } from "./helpers/oauth";
import { useEmulator } from "./helpers/running-emulator";

const CLIENT = "0oaTokenTestClient01";
const SECRET_CLIENT = "0oaTokenTestSecret01";
let clock = Date.now();
let key: TestKey;
let otherKey: TestKey;
const ctx = useEmulator({ now: () => clock });
const tokenUrl = (): string => `${ctx.emulator.url}/oauth2/v1/token`;
const seconds = (): number => Math.floor(clock / 1000);

beforeAll(async () => {
  [key, otherKey] = [await newRsaKey("k1"), await newRsaKey("k2")];
});

beforeEach(() => {
  clock = Date.now();
  const secretApp = { ...serviceAppSeed(SECRET_CLIENT, key, ["okta.roles.read"]), credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } } };
  ctx.emulator.loadSeed({ apps: [serviceAppSeed(CLIENT, key, ["okta.roles.read", "okta.roles.manage"]), secretApp] });
});

async function token(overrides: AssertionOverrides = {}, scope = "okta.roles.read okta.roles.manage", signWith = key, client = CLIENT) {
  const assertion = await clientAssertion(signWith, client, tokenUrl(), { iat: seconds(), exp: seconds() + 300, ...overrides });
  return requestToken(ctx.emulator.url, tokenForm(assertion, scope));
}

describe("the token endpoint", () => {
  it("issues a one-hour Bearer token with the granted scopes, not cached", async () => {
    const response = await token();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ token_type: "Bearer", expires_in: 3600, access_token: expect.any(String), scope: "okta.roles.read okta.roles.manage" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const api = apiFor(ctx.emulator.url, `Bearer ${String(response.body.access_token)}`);
    expectStatus(await api("GET", `/oauth2/v1/clients/${CLIENT}/roles`), 200);
  });

  it("lets a token expire after an hour of emulator time", async () => {
    const api = apiFor(ctx.emulator.url, `Bearer ${String((await token()).body.access_token)}`);
    clock += 3599_000;
    expectStatus(await api("GET", `/oauth2/v1/clients/${CLIENT}/roles`), 200);
    clock += 2_000;
    expectStatus(await api("GET", `/oauth2/v1/clients/${CLIENT}/roles`), 401);
  });

  it.each<[string, AssertionOverrides | "other-key", string]>([
    ["a signature by an unregistered key", "other-key", "The client_assertion signature is invalid."],
    ["an audience other than the token URL", { aud: "https://example.okta.com/oauth2/v1/token" }, "audience"],
    ["sub different from iss", { sub: "0oaSomebodyElse00001" }, "'iss' and 'sub'"],
    ["an expiry more than an hour ahead", { exp: Math.floor(Date.now() / 1000) + 3700 }, "too far into the future"],
    ["an expired assertion", { iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) - 300 }, "expired"],
    ["no jti", { jti: undefined }, "'jti'"],
    ["an unknown client", { iss: "0oaNobody00000000001", sub: "0oaNobody00000000001" }, "client_id"],
  ])("refuses %s with 401 invalid_client", async (_what, change, message) => {
    const response = change === "other-key" ? await token({}, undefined, otherKey) : await token(change);
    expect(response.status).toBe(401);
    expect(response.body.error).toBe("invalid_client");
    expect(String(response.body.error_description)).toContain(message);
  });

  it("refuses a replayed assertion (same jti) with 401 invalid_client", async () => {
    const assertion = await clientAssertion(key, CLIENT, tokenUrl(), { iat: seconds(), exp: seconds() + 300 });
    expect((await requestToken(ctx.emulator.url, tokenForm(assertion, "okta.roles.read"))).status).toBe(200);
    const replay = await requestToken(ctx.emulator.url, tokenForm(assertion, "okta.roles.read"));
    expect(replay.status).toBe(401);
    expect(String(replay.body.error_description)).toContain("already been used");
  });

  it("refuses a client that does not authenticate with private_key_jwt", async () => {
    const response = await token({}, "okta.roles.read", key, SECRET_CLIENT);
    expect(response.status).toBe(401);
    expect(response.body.error).toBe("invalid_client");
  });

  it.each([
    ["a scope the app was not granted", "okta.roles.read okta.users.manage", "okta.users.manage"],
    ["an unknown scope", "okta.roles.read launch.missiles", "launch.missiles"],
    ["no scope at all", "", "'scope' must be provided"],
  ])("refuses %s with 400 invalid_scope", async (_what, scope, message) => {
    const response = await token({}, scope);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_scope");
    expect(String(response.body.error_description)).toContain(message);
  });

  it("refuses other grant types with 400 unsupported_grant_type", async () => {
    const form = new URLSearchParams({ grant_type: "password", username: "u", password: "p" }).toString();
    const response = await requestToken(ctx.emulator.url, form);
    expect(response).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
  });

  it("refuses a request without a client assertion with 401 invalid_client", async () => {
    const response = await requestToken(ctx.emulator.url, new URLSearchParams({ grant_type: "client_credentials", scope: "okta.roles.read" }).toString());
    expect(response).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("accepts scopes granted later through /api/v1/apps/{id}/grants", async () => {
    expect((await token({}, "okta.users.read")).status).toBe(400);
    const grant = await ctx.api("POST", `/api/v1/apps/${CLIENT}/grants`, { issuer: ctx.emulator.url, scopeId: "okta.users.read" });
    expect(expectStatus(grant, 201).body).toMatchObject({ scopeId: "okta.users.read", clientId: CLIENT, status: "ACTIVE" });
    expect((await token({}, "okta.users.read")).status).toBe(200);
  });
});
