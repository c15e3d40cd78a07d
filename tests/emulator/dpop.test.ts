// DPoP-bound tokens: the nonce dance at the token endpoint, then DPoP proofs (htm, htu, ath) on API calls.
import { apiFor, expectStatus } from "./helpers/api";
import { clientAssertion, dpopProof, newRsaKey, requestToken, serviceAppSeed, tokenForm, type TestKey } from "./helpers/oauth";
import { useEmulator } from "./helpers/running-emulator";

const DPOP_CLIENT = "0oaDpopTestClient001";
const PLAIN_CLIENT = "0oaPlainTestClient01";
let clientKey: TestKey;
let proofKey: TestKey;
let strangerKey: TestKey;
const ctx = useEmulator();
const tokenUrl = (): string => `${ctx.emulator.url}/oauth2/v1/token`;

beforeAll(async () => {
  [clientKey, proofKey, strangerKey] = [await newRsaKey("client"), await newRsaKey("proof"), await newRsaKey("stranger")];
});

beforeEach(() => {
  ctx.emulator.loadSeed({
    apps: [serviceAppSeed(DPOP_CLIENT, clientKey, ["okta.roles.read"], true), serviceAppSeed(PLAIN_CLIENT, clientKey, ["okta.roles.read"])],
  });
});

const form = async (client = DPOP_CLIENT): Promise<string> => tokenForm(await clientAssertion(clientKey, client, tokenUrl()), "okta.roles.read");

async function dpopToken(): Promise<string> {
  const first = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", tokenUrl()));
  const nonce = first.headers.get("dpop-nonce") ?? "";
  const second = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", tokenUrl(), { nonce }));
  expect(second.body.token_type).toBe("DPoP");
  return String(second.body.access_token);
}

describe("DPoP at the token endpoint", () => {
  it("asks for a proof when the app requires DPoP and none is sent", async () => {
    const response = await requestToken(ctx.emulator.url, await form());
    expect(response).toMatchObject({ status: 400, body: { error: "invalid_dpop_proof" } });
  });

  it("answers the first proof with 400 use_dpop_nonce and a DPoP-Nonce header, then issues a DPoP token", async () => {
    const first = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", tokenUrl()));
    expect(first).toMatchObject({ status: 400, body: { error: "use_dpop_nonce" } });
    const nonce = first.headers.get("dpop-nonce");
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const second = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", tokenUrl(), { nonce: nonce ?? "" }));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token_type: "DPoP", expires_in: 3600, scope: "okta.roles.read" });
  });

  it("refuses a nonce it never issued", async () => {
    const response = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", tokenUrl(), { nonce: "made-up-nonce" }));
    expect(response.body.error).toBe("use_dpop_nonce");
  });

  it("refuses a proof for the wrong URL with invalid_dpop_proof", async () => {
    const response = await requestToken(ctx.emulator.url, await form(), await dpopProof(proofKey, "POST", `${ctx.emulator.url}/oauth2/v1/other`));
    expect(response).toMatchObject({ status: 400, body: { error: "invalid_dpop_proof" } });
  });

  it("ignores a DPoP header for an app that does not require DPoP and issues a Bearer token", async () => {
    const response = await requestToken(ctx.emulator.url, await form(PLAIN_CLIENT), await dpopProof(proofKey, "POST", tokenUrl()));
    expect(response).toMatchObject({ status: 200, body: { token_type: "Bearer" } });
  });
});

describe("DPoP on API calls", () => {
  const path = `/oauth2/v1/clients/${DPOP_CLIENT}/roles`;
  const call = async (token: string, proof?: string, scheme = "DPoP") =>
    apiFor(ctx.emulator.url, `${scheme} ${token}`)("GET", path, undefined, proof ? { dpop: proof } : {});

  it("accepts the DPoP scheme with a proof bound to the token (htm, htu, ath)", async () => {
    const token = await dpopToken();
    expectStatus(await call(token, await dpopProof(proofKey, "GET", ctx.emulator.url + path, { accessToken: token })), 200);
  });

  it.each<[string, (token: string) => Promise<string | undefined>]>([
    ["no proof", async () => undefined],
    ["a proof for another method", async (token) => dpopProof(proofKey, "POST", ctx.emulator.url + path, { accessToken: token })],
    ["a proof for another URL", async (token) => dpopProof(proofKey, "GET", `${ctx.emulator.url}/api/v1/users`, { accessToken: token })],
    ["a proof without ath", async () => dpopProof(proofKey, "GET", ctx.emulator.url + path)],
    ["a proof signed by another key", async (token) => dpopProof(strangerKey, "GET", ctx.emulator.url + path, { accessToken: token })],
    ["a stale proof", async (token) => dpopProof(proofKey, "GET", ctx.emulator.url + path, { accessToken: token, iat: Math.floor(Date.now() / 1000) - 3600 })],
  ])("answers 401 E0000011 with a DPoP challenge for %s", async (_what, makeProof) => {
    const token = await dpopToken();
    const response = expectStatus(await call(token, await makeProof(token)), 401);
    expect(response.body.errorCode).toBe("E0000011");
    expect(response.headers.get("www-authenticate")).toMatch(/^DPoP .*error="invalid_dpop_proof"/);
  });

  it("refuses a replayed proof", async () => {
    const token = await dpopToken();
    const proof = await dpopProof(proofKey, "GET", ctx.emulator.url + path, { accessToken: token });
    expectStatus(await call(token, proof), 200);
    expectStatus(await call(token, proof), 401);
  });

  it("refuses a DPoP-bound token sent with the Bearer scheme", async () => {
    expectStatus(await call(await dpopToken(), undefined, "Bearer"), 401);
  });
});
