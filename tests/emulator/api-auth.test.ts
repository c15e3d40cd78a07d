// Authentication of API routes: SSWS tokens, missing headers, issued Bearer tokens and their scopes.
import { apiFor, expectStatus } from "./helpers/api";
import { clientAssertion, newRsaKey, requestToken, serviceAppSeed, tokenForm, type TestKey } from "./helpers/oauth";
import { useEmulator } from "./helpers/running-emulator";

const CLIENT = "0oaAuthTestClient001";
let key: TestKey;
const ctx = useEmulator({ apiToken: "s3cret-token" });

beforeAll(async () => {
  key = await newRsaKey();
});

beforeEach(() => {
  ctx.emulator.loadSeed({
    groups: [{ id: "00gAuthTestGroup0001", profile: { name: "Auth test" } }],
    apps: [serviceAppSeed(CLIENT, key, ["okta.roles.read", "okta.groups.read"])],
  });
});

async function bearer(scope: string): Promise<string> {
  const tokenUrl = `${ctx.emulator.url}/oauth2/v1/token`;
  const response = await requestToken(ctx.emulator.url, tokenForm(await clientAssertion(key, CLIENT, tokenUrl), scope));
  expect(response.status).toBe(200);
  return String(response.body.access_token);
}

describe("API authentication", () => {
  it("accepts the configured SSWS token", async () => {
    expectStatus(await apiFor(ctx.emulator.url, "SSWS s3cret-token")("GET", "/api/v1/groups"), 200);
  });

  it("answers 401 E0000011 for a wrong SSWS token", async () => {
    const response = expectStatus(await apiFor(ctx.emulator.url, "SSWS emulator-token")("GET", "/api/v1/groups"), 401);
    expect(response.body).toMatchObject({ errorCode: "E0000011", errorSummary: "Invalid token provided" });
  });

  it("accepts SSWS directly followed by the token, as Okta's Python SDK 3.x sends it, and still refuses a wrong one", async () => {
    expectStatus(await apiFor(ctx.emulator.url, "SSWSs3cret-token")("GET", "/api/v1/groups"), 200);
    expectStatus(await apiFor(ctx.emulator.url, "SSWS s3cret-token")("GET", "/api/v1/groups"), 200);
    for (const wrong of ["SSWSemulator-token", "SSWSs3cret-tokenx", "SSWS", "SSWSs3cret"]) {
      const response = expectStatus(await apiFor(ctx.emulator.url, wrong)("GET", "/api/v1/groups"), 401);
      expect({ wrong, body: response.body }).toMatchObject({ wrong, body: { errorCode: "E0000011", errorSummary: "Invalid token provided" } });
    }
  });

  it("revokes the old SSWS token when the token is rotated, and accepts the new one", async () => {
    try {
      ctx.emulator.rotateApiToken("rotated-token");
      const old = expectStatus(await apiFor(ctx.emulator.url, "SSWS s3cret-token")("GET", "/api/v1/groups"), 401);
      expect(old.body).toMatchObject({ errorCode: "E0000011" });
      expectStatus(await apiFor(ctx.emulator.url, "SSWS rotated-token")("GET", "/api/v1/groups"), 200);
      expect(ctx.emulator.apiToken).toBe("rotated-token");
    } finally {
      ctx.emulator.rotateApiToken("s3cret-token");
    }
  });

  it("answers 403 E0000005 when there is no Authorization header", async () => {
    const response = expectStatus(await apiFor(ctx.emulator.url, null)("GET", "/api/v1/groups/00gAuthTestGroup0001/roles"), 403);
    expect(response.body).toMatchObject({ errorCode: "E0000005", errorSummary: "Invalid session" });
  });

  it("answers 401 E0000011 for an unknown scheme or a forged Bearer token, with a Bearer challenge", async () => {
    expectStatus(await apiFor(ctx.emulator.url, "Basic czNjcmV0")("GET", "/api/v1/groups"), 401);
    const forged = expectStatus(await apiFor(ctx.emulator.url, "Bearer eyJhbGciOiJub25lIn0.e30.")("GET", "/api/v1/groups"), 401);
    expect(forged.body.errorCode).toBe("E0000011");
    expect(forged.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it("lets an issued Bearer token read roles with okta.roles.read", async () => {
    const api = apiFor(ctx.emulator.url, `Bearer ${await bearer("okta.roles.read")}`);
    expectStatus(await api("GET", "/api/v1/groups/00gAuthTestGroup0001/roles"), 200);
  });

  it("answers 403 E0000006 with an insufficient_scope challenge when a token lacks okta.roles.manage", async () => {
    const api = apiFor(ctx.emulator.url, `Bearer ${await bearer("okta.roles.read")}`);
    const response = expectStatus(await api("POST", "/api/v1/groups/00gAuthTestGroup0001/roles", { type: "APP_ADMIN" }), 403);
    expect(response.body).toMatchObject({ errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action" });
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(response.headers.get("www-authenticate")).toContain('scope="okta.roles.manage"');
  });

  it("needs okta.roles.read for GET even when the token holds other read scopes", async () => {
    const api = apiFor(ctx.emulator.url, `Bearer ${await bearer("okta.groups.read")}`);
    expectStatus(await api("GET", "/api/v1/groups"), 200);
    expectStatus(await api("GET", "/api/v1/groups/00gAuthTestGroup0001/roles"), 403);
  });

  it("revokes tokens of a client that is deactivated", async () => {
    const api = apiFor(ctx.emulator.url, `Bearer ${await bearer("okta.roles.read")}`);
    expectStatus(await api("GET", "/api/v1/groups/00gAuthTestGroup0001/roles"), 200);
    expectStatus(await ctx.api("POST", `/api/v1/apps/${CLIENT}/lifecycle/deactivate`), 200);
    expectStatus(await api("GET", "/api/v1/groups/00gAuthTestGroup0001/roles"), 401);
  });

  it("needs no credentials for the test controls", async () => {
    expectStatus(await apiFor(ctx.emulator.url, null)("GET", "/__emulator/state"), 200);
  });
});
