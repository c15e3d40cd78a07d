// Proves how settings resolve from explicit input and OKTA_* env, which auth wins, and what is refused.
import { generateKeyPairSync } from "node:crypto";
import { resolveOktaConfig, type OktaConfigInput } from "../../../sdk/config";
import { OktaConfigError } from "../../../sdk/config-error";

const PEM = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const TOKEN = { apiToken: "api-SECRET" };
type Env = Record<string, string | undefined>;

describe("resolveOktaConfig: org URL", () => {
  it.each<[string, Partial<OktaConfigInput>, Env, string]>([
    ["orgName alone uses okta.com", { orgName: "dev-123456" }, {}, "https://dev-123456.okta.com"],
    ["orgName with baseUrl", { orgName: "acme", baseUrl: "oktapreview.com" }, {}, "https://acme.oktapreview.com"],
    ["OKTA_ORG_NAME and OKTA_BASE_URL", {}, { OKTA_ORG_NAME: "dev-2", OKTA_BASE_URL: "okta-emea.com" }, "https://dev-2.okta-emea.com"],
    ["a custom-domain orgUrl, trailing slash dropped", { orgUrl: "https://login.acme.com/" }, {}, "https://login.acme.com"],
    ["the emulator on 127.0.0.1 over http", {}, { OKTA_ORG_URL: "http://127.0.0.1:8080" }, "http://127.0.0.1:8080"],
    ["the emulator on localhost over http", { orgUrl: "http://localhost:9000" }, {}, "http://localhost:9000"],
    ["explicit orgName over env OKTA_ORG_URL", { orgName: "mine" }, { OKTA_ORG_URL: "https://other.okta.com" }, "https://mine.okta.com"],
    ["explicit orgName over env OKTA_ORG_NAME", { orgName: "mine" }, { OKTA_ORG_NAME: "theirs" }, "https://mine.okta.com"],
    ["orgUrl over orgName in the same source", { orgUrl: "https://id.acme.com", orgName: "acme" }, {}, "https://id.acme.com"],
    ["OKTA_ORG_URL over OKTA_ORG_NAME", {}, { OKTA_ORG_URL: "https://id.acme.com", OKTA_ORG_NAME: "acme" }, "https://id.acme.com"],
    ["blank input falls back to env", { orgName: "  " }, { OKTA_ORG_NAME: "envorg" }, "https://envorg.okta.com"],
    ["plain http elsewhere when allowInsecureHttp", { orgUrl: "http://okta.internal:8080", allowInsecureHttp: true }, {}, "http://okta.internal:8080"],
  ])("resolves %s", (_name, input, env, orgUrl) => {
    expect(resolveOktaConfig({ ...TOKEN, ...input }, env).orgUrl).toBe(orgUrl);
  });

  it.each<[string, Partial<OktaConfigInput>, string, RegExp]>([
    ["no org at all", {}, "okta:orgName", /Set okta:orgName \/ OKTA_ORG_NAME/],
    ["a URL given as orgName", { orgName: "https://dev-1.okta.com" }, "okta:orgName", /first label.*okta:orgUrl/],
    ["a scheme in baseUrl", { orgName: "dev-1", baseUrl: "https://okta.com" }, "okta:baseUrl", /okta:baseUrl \/ OKTA_BASE_URL must be a domain/],
    ["plain http to a non-loopback host", { orgUrl: "http://dev-1.okta.com" }, "okta:orgUrl", /plain http.*https:\/\//],
    ["an orgUrl with a path", { orgUrl: "https://dev-1.okta.com/api/v1" }, "okta:orgUrl", /without a path/],
    ["an orgUrl that is not a URL", { orgUrl: "dev-1.okta.com" }, "okta:orgUrl", /not a URL/],
    ["a non-http scheme", { orgUrl: "ftp://dev-1.okta.com" }, "okta:orgUrl", /https:\/\//],
    ["credentials inside the orgUrl", { orgUrl: "https://admin:hunter2@dev-1.okta.com" }, "okta:orgUrl", /user name or password/],
  ])("refuses %s, naming the setting", (_name, input, key, message) => {
    const error = catchError(() => resolveOktaConfig({ ...TOKEN, ...input }, {}));
    expect(error).toBeInstanceOf(OktaConfigError);
    expect(error.configKey).toBe(key);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("hunter2");
    expect(error.message).not.toContain("api-SECRET");
  });
});

describe("resolveOktaConfig: auth", () => {
  const ORG = { orgName: "dev-1" };
  it.each<[string, Partial<OktaConfigInput>, Env, object]>([
    ["an explicit API token", { apiToken: "a" }, {}, { method: "apiToken", apiToken: "a" }],
    ["OKTA_API_TOKEN", {}, { OKTA_API_TOKEN: "e" }, { method: "apiToken", apiToken: "e" }],
    ["explicit apiToken over OKTA_API_TOKEN", { apiToken: "a" }, { OKTA_API_TOKEN: "e" }, { method: "apiToken", apiToken: "a" }],
    ["an access token", { accessToken: "t" }, {}, { method: "accessToken", accessToken: "t" }],
    ["accessToken over apiToken in the same source", { accessToken: "t", apiToken: "a" }, {}, { method: "accessToken" }],
    ["a service app over apiToken in the same source", { clientId: "0oa1", privateKey: PEM, apiToken: "a" }, {}, { method: "privateKey" }],
    ["accessToken over a service app in the same source", {}, { OKTA_ACCESS_TOKEN: "t", OKTA_API_CLIENT_ID: "0oa1", OKTA_API_PRIVATE_KEY: PEM }, { method: "accessToken" }],
    ["explicit apiToken over env-only accessToken", { apiToken: "a" }, { OKTA_ACCESS_TOKEN: "t" }, { method: "apiToken", apiToken: "a" }],
    ["explicit apiToken over an env-only half service app", { apiToken: "a" }, { OKTA_API_CLIENT_ID: "0oa1" }, { method: "apiToken" }],
    [
      "explicit clientId with the key from OKTA_API_PRIVATE_KEY",
      { clientId: "0oa1" },
      { OKTA_API_PRIVATE_KEY: PEM, OKTA_API_TOKEN: "e", OKTA_API_PRIVATE_KEY_ID: "kid1" },
      { method: "privateKey", clientId: "0oa1", privateKey: PEM.trim(), privateKeyId: "kid1", scopes: ["okta.roles.read", "okta.roles.manage"] },
    ],
    ["scopes split on commas and spaces", { clientId: "0oa1", privateKey: PEM, scopes: "okta.roles.read, okta.roles.manage okta.users.read" }, {}, { scopes: ["okta.roles.read", "okta.roles.manage", "okta.users.read"] }],
    ["scopes as an array", { clientId: "0oa1", privateKey: PEM, scopes: ["okta.roles.read"] }, {}, { scopes: ["okta.roles.read"] }],
    ["scopes from OKTA_API_SCOPES", { clientId: "0oa1", privateKey: PEM }, { OKTA_API_SCOPES: "okta.roles.read,okta.roles.manage" }, { scopes: ["okta.roles.read", "okta.roles.manage"] }],
  ])("chooses %s", (_name, input, env, expected) => {
    expect(resolveOktaConfig({ ...ORG, ...input }, env).auth).toMatchObject(expected);
  });

  it.each<[string, Partial<OktaConfigInput>, Env, string, RegExp]>([
    ["no credentials", {}, {}, "okta:apiToken", /Set okta:apiToken \/ OKTA_API_TOKEN, or okta:accessToken/],
    ["clientId without privateKey", { clientId: "0oa1", apiToken: "api-SECRET" }, {}, "okta:privateKey", /okta:clientId.*is set but okta:privateKey \/ OKTA_API_PRIVATE_KEY is not/],
    ["privateKey without clientId", {}, { OKTA_API_PRIVATE_KEY: PEM }, "okta:clientId", /okta:clientId \/ OKTA_API_CLIENT_ID is not/],
    ["a private key that is not a key", { clientId: "0oa1", privateKey: "not-a-key-SECRET" }, {}, "okta:privateKey", /cannot be used.*PEM or JWK/],
    ["an encrypted-looking PEM", { clientId: "0oa1", privateKey: "-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n-----END PRIVATE KEY-----" }, {}, "okta:privateKey", /cannot be used/],
    ["an RSA public JWK", { clientId: "0oa1", privateKey: { kty: "RSA", n: "AQAB", e: "AQAB" } }, {}, "okta:privateKey", /JWK is not a valid/],
  ])("refuses %s, naming the setting and no secret", (_name, input, env, key, message) => {
    const error = catchError(() => resolveOktaConfig({ ...ORG, ...input }, env));
    expect(error).toBeInstanceOf(OktaConfigError);
    expect(error.configKey).toBe(key);
    expect(error.message).toMatch(message);
    for (const secret of ["api-SECRET", "SECRET", PEM.split("\n")[3]]) expect(error.message).not.toContain(secret);
  });

  it("reads process.env by default", () => {
    const saved = process.env.OKTA_API_TOKEN;
    process.env.OKTA_API_TOKEN = "from-process-env";
    try {
      expect(resolveOktaConfig({ orgName: "dev-1" }).auth).toEqual({ method: "apiToken", apiToken: "from-process-env" });
    } finally {
      if (saved === undefined) delete process.env.OKTA_API_TOKEN;
      else process.env.OKTA_API_TOKEN = saved;
    }
  });
});

function catchError(fn: () => unknown): OktaConfigError {
  try {
    fn();
  } catch (error) {
    return error as OktaConfigError;
  }
  throw new Error("expected an error");
}
