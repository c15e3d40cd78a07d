// Proves each auth kind sends the right header, and that service-app tokens are signed, cached and shared.
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeProtectedHeader, EmbeddedJWK, jwtVerify } from "jose";
import type { PrivateKeyAuth } from "../../../sdk/auth/auth-config";
import { OktaApiError } from "../../../sdk/errors";
import { useFakeServer, type RecordedRequest, type Reply } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const PATH = "/api/v1/users/00u1/roles";
const CLIENT_ID = "0oaSERVICEAPP123";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsaPkcs8 = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const rsaPkcs1 = rsa.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const ecJwk = ec.privateKey.export({ format: "jwk" }) as Record<string, unknown>;
const pemFile = join(mkdtempSync(join(tmpdir(), "okta-sdk-")), "key.pem");
writeFileSync(pemFile, rsaPkcs8);

const server = useFakeServer();

const tokenRequests = (): RecordedRequest[] => server.requests.filter((r) => r.url === "/oauth2/v1/token");
const apiRequests = (): RecordedRequest[] => server.requests.filter((r) => r.url !== "/oauth2/v1/token");

/** Serves tokens at-1, at-2, … and `[]` for API calls, unless `api` says otherwise. */
function serveTokens(token: (req: RecordedRequest, n: number) => Reply = (_r, n) => ({
  status: 200,
  body: { token_type: "Bearer", expires_in: 3600, access_token: `at-${n}`, scope: "okta.roles.read okta.roles.manage" },
}), api: (req: RecordedRequest) => Reply = () => ({ status: 200, body: [] })): void {
  let n = 0;
  server.handle((req) => (req.url === "/oauth2/v1/token" ? token(req, ++n) : api(req)));
}

function oauth(privateKey: PrivateKeyAuth["privateKey"], extra: Partial<PrivateKeyAuth> = {}): PrivateKeyAuth {
  return { method: "privateKey", clientId: CLIENT_ID, privateKey, ...extra };
}

describe("static credentials", () => {
  it("sends an API token as SSWS", async () => {
    server.handle(() => ({ status: 200, body: [] }));
    const { client } = makeClient(server.url, { auth: { method: "apiToken", apiToken: "tok-1" } });
    await client.listRoleAssignments({ kind: "user", id: "00u1" });
    expect(server.requests[0].headers.authorization).toBe("SSWS tok-1");
  });

  it("sends a pre-issued access token as Bearer", async () => {
    server.handle(() => ({ status: 200, body: [] }));
    const { client } = makeClient(server.url, { auth: { method: "accessToken", accessToken: "eyJ.at" } });
    await client.listRoleAssignments({ kind: "user", id: "00u1" });
    expect(server.requests[0].headers.authorization).toBe("Bearer eyJ.at");
  });
});

describe("OAuth service app", () => {
  it.each<[string, PrivateKeyAuth["privateKey"], KeyObject, string]>([
    ["an RSA PKCS#8 PEM", rsaPkcs8, rsa.publicKey, "RS256"],
    ["an RSA PKCS#1 PEM", rsaPkcs1, rsa.publicKey, "RS256"],
    ["a one-line PEM with literal \\n", rsaPkcs1.trim().split("\n").join("\\n"), rsa.publicKey, "RS256"],
    ["a PEM file path", pemFile, rsa.publicKey, "RS256"],
    ["an EC P-256 JWK object", ecJwk, ec.publicKey, "ES256"],
    ["an EC P-256 JWK as JSON text", JSON.stringify(ecJwk), ec.publicKey, "ES256"],
  ])("signs a client assertion with %s that verifies against the public key", async (_name, key, publicKey, alg) => {
    serveTokens();
    const { client, clock } = makeClient(server.url, { auth: oauth(key, { privateKeyId: "kid-7" }) });
    await client.listRoleAssignments({ kind: "user", id: "00u1" });

    const [tokenRequest] = tokenRequests();
    expect(tokenRequest.method).toBe("POST");
    expect(tokenRequest.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(tokenRequest.headers.authorization).toBeUndefined();
    const form = new URLSearchParams(tokenRequest.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("scope")).toBe("okta.roles.read okta.roles.manage");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

    const assertion = form.get("client_assertion") ?? "";
    const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, {
      issuer: CLIENT_ID,
      subject: CLIENT_ID,
      audience: `${server.url}/oauth2/v1/token`,
      currentDate: new Date(clock.now()),
      algorithms: [alg],
    });
    expect(protectedHeader).toMatchObject({ alg, kid: "kid-7" });
    expect(payload.iat).toBe(Math.floor(clock.now() / 1000));
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
    expect(payload.jti).toEqual(expect.any(String));
    expect(apiRequests()[0].headers.authorization).toBe("Bearer at-1");
  });

  it("uses a fresh jti for every assertion and no kid when none is configured", async () => {
    serveTokens(() => ({ status: 503, body: "" }));
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8), maxRetries: 2 });
    await expect(client.listRoleAssignments({ kind: "user", id: "00u1" })).rejects.toMatchObject({ status: 503 });
    const assertions = tokenRequests().map((r) => new URLSearchParams(r.body).get("client_assertion") ?? "");
    expect(assertions).toHaveLength(3);
    const jtis = assertions.map((a) => JSON.parse(Buffer.from(a.split(".")[1], "base64url").toString()).jti);
    expect(new Set(jtis).size).toBe(3);
    expect(decodeProtectedHeader(assertions[0]).kid).toBeUndefined();
  });

  it("requests the configured scopes", async () => {
    serveTokens();
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8, { scopes: ["okta.roles.read"] }) });
    await client.listRoleAssignments({ kind: "user", id: "00u1" });
    expect(new URLSearchParams(tokenRequests()[0].body).get("scope")).toBe("okta.roles.read");
  });

  it("reuses the token until 60 s before it expires, then gets a new one", async () => {
    serveTokens();
    const { client, clock, events } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    const list = (): Promise<unknown> => client.listRoleAssignments({ kind: "user", id: "00u1" });
    await list();
    clock.advance(3_540_000 - 1);
    await list();
    expect(tokenRequests()).toHaveLength(1);
    clock.advance(1);
    await list();
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer at-1", "Bearer at-1", "Bearer at-2"]);
    expect(events.filter((e) => e.type === "token")).toEqual([
      { type: "token", dpop: false, expiresInSeconds: 3600, scopes: ["okta.roles.read", "okta.roles.manage"] },
      { type: "token", dpop: false, expiresInSeconds: 3600, scopes: ["okta.roles.read", "okta.roles.manage"] },
    ]);
  });

  it("lets concurrent callers share one in-flight token request", async () => {
    serveTokens();
    const { client } = makeClient(server.url, { auth: oauth(ecJwk) });
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.listRoleAssignments({ kind: "user", id: `00u${i}` })));
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(8);
    expect(new Set(apiRequests().map((r) => r.headers.authorization))).toEqual(new Set(["Bearer at-1"]));
  });

  it("forgets a token the API rejects with 401, without retrying the call", async () => {
    let calls = 0;
    serveTokens(undefined, () => (++calls === 1 ? { status: 401, body: { errorCode: "E0000011", errorSummary: "Invalid token provided" } } : { status: 200, body: [] }));
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    await expect(client.listRoleAssignments({ kind: "user", id: "00u1" })).rejects.toMatchObject({ status: 401 });
    await client.listRoleAssignments({ kind: "user", id: "00u1" });
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual(["Bearer at-1", "Bearer at-2"]);
  });

  it.each([
    [401, "invalid_client", "The client_assertion signature is invalid.", /okta:clientId.*okta:privateKey/],
    [400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.", /okta\.roles\.manage/],
    [400, "unauthorized_client", "The client is not authorized to use the provided grant type.", /Client Credentials grant/],
  ])("turns a %i %s from the token endpoint into an OktaApiError with advice", async (status, error, description, advice) => {
    serveTokens(() => ({ status, body: { error, error_description: description } }));
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    const thrown = (await client.listRoleAssignments({ kind: "user", id: "00u1" }).catch((e: unknown) => e)) as OktaApiError;
    expect(thrown).toBeInstanceOf(OktaApiError);
    expect(thrown).toMatchObject({ status, errorCode: error, errorSummary: description, method: "POST", path: "/oauth2/v1/token" });
    expect(thrown.message).toMatch(advice);
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(0);
  });
});

describe("DPoP", () => {
  const ath = (token: string): string => createHash("sha256").update(token).digest("base64url");

  async function verifyProof(req: RecordedRequest): Promise<Record<string, unknown>> {
    const proof = req.headers.dpop;
    const header = decodeProtectedHeader(proof);
    expect(header).toMatchObject({ typ: "dpop+jwt", alg: "ES256" });
    const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: "dpop+jwt", currentDate: new Date("2025-03-13T23:28:30Z") });
    expect(payload.jti).toEqual(expect.any(String));
    return { ...payload, thumb: JSON.stringify(header.jwk) };
  }

  it("does the nonce dance at the token endpoint and then sends DPoP-bound API calls with ath", async () => {
    let apiCalls = 0;
    server.handle((req): Reply => {
      if (req.url === "/oauth2/v1/token") {
        if (!req.headers.dpop) return { status: 400, body: { error: "invalid_dpop_proof", error_description: "The DPoP proof JWT header is missing." } };
        const nonce = JSON.parse(Buffer.from(req.headers.dpop.split(".")[1], "base64url").toString()).nonce;
        if (nonce !== "n-token") return { status: 400, headers: { "DPoP-Nonce": "n-token" }, body: { error: "use_dpop_nonce", error_description: "Authorization server requires nonce in DPoP proof." } };
        return { status: 200, body: { token_type: "DPoP", expires_in: 3600, access_token: "dpop-at" } };
      }
      apiCalls++;
      if (apiCalls === 1) {
        return { status: 401, headers: { "WWW-Authenticate": 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"', "DPoP-Nonce": "n-api" }, body: "" };
      }
      return { status: 200, body: [] };
    });
    const { client, events } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    await client.listAll(`${PATH}?x=1`);

    const tokens = tokenRequests();
    expect(tokens).toHaveLength(3);
    const third = await verifyProof(tokens[2]);
    expect(third).toMatchObject({ htm: "POST", htu: `${server.url}/oauth2/v1/token`, nonce: "n-token" });
    expect(third.ath).toBeUndefined();

    const api = apiRequests();
    expect(api).toHaveLength(2);
    for (const req of api) expect(req.headers.authorization).toBe("DPoP dpop-at");
    const first = await verifyProof(api[0]);
    const retry = await verifyProof(api[1]);
    expect(first).toMatchObject({ htm: "GET", htu: `${server.url}${PATH}`, ath: ath("dpop-at") });
    expect(first.nonce).toBeUndefined();
    expect(retry).toMatchObject({ htm: "GET", htu: `${server.url}${PATH}`, ath: ath("dpop-at"), nonce: "n-api" });
    expect(retry.thumb).toBe(third.thumb);
    expect(events.filter((e) => e.type === "retry").map((e) => e.type === "retry" && e.reason)).toEqual(["dpop-nonce", "dpop-nonce", "dpop-nonce"]);
    expect(events.find((e) => e.type === "token")).toMatchObject({ dpop: true });
  });

  it("retries an API 401 with a DPoP nonce only once", async () => {
    server.handle((req): Reply => {
      if (req.url === "/oauth2/v1/token") {
        if (!req.headers.dpop) return { status: 400, body: { error: "invalid_dpop_proof" } };
        return { status: 200, body: { token_type: "DPoP", expires_in: 3600, access_token: "dpop-at" } };
      }
      return { status: 401, headers: { "WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": `n-${Math.random()}` }, body: "" };
    });
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    await expect(client.listRoleAssignments({ kind: "user", id: "00u1" })).rejects.toMatchObject({ status: 401 });
    expect(apiRequests()).toHaveLength(2);
  });

  it("gives up when the token endpoint keeps refusing the DPoP proof", async () => {
    server.handle(() => ({ status: 400, body: { error: "invalid_dpop_proof", error_description: "bad proof" } }));
    const { client } = makeClient(server.url, { auth: oauth(rsaPkcs8) });
    await expect(client.listRoleAssignments({ kind: "user", id: "00u1" })).rejects.toMatchObject({ errorCode: "invalid_dpop_proof" });
    expect(tokenRequests()).toHaveLength(2);
  });
});
