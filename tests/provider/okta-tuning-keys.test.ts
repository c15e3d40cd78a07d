// Proves each @pulumi/okta tuning key read from stack config is honoured by the client, against the in-process emulator.
import { readFileSync } from "fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "https";
import type { AddressInfo } from "net";
import { join } from "path";
import { DEMO_ORG_SEED_PATH, startEmulator, type RunningEmulator } from "../../emulator";
import { readProviderSettings } from "../../provider/provider-settings";
import { resolveOktaConfig, type OktaConfigInput } from "../../sdk/config";
import { logLevelListeners } from "../../sdk/http/log-level-listeners";
import { RateLimitPacer } from "../../sdk/http/rate-limit-pacer";
import { OktaClient } from "../../sdk/okta-client";
import { fakeClock, type FakeClock } from "../unit/sdk/helpers/fake-clock";
import { ORG, testOrgSeed } from "../helpers/test-org";
import { startCountingProxy, type CountingProxy } from "./helpers/counting-proxy";

const alice = { kind: "user", id: ORG.alice } as const;

/** Builds the client the way provider-entry does: stack config → settings → OktaClient, with log lines collected. */
function clientFromConfig(
  values: Record<string, string>,
  extra: { clock?: FakeClock; env?: Record<string, string> } = {},
): { client: OktaClient; lines: string[] } {
  const settings = readProviderSettings({ get: (key) => values[key] }, extra.env ?? {});
  const lines: string[] = [];
  const resolved = resolveOktaConfig(settings.okta as Partial<OktaConfigInput>, extra.env ?? {});
  const clock = extra.clock ? { now: extra.clock.now, sleep: extra.clock.sleep, random: extra.clock.random } : {};
  const client = new OktaClient({
    ...resolved,
    ...settings.tuning,
    ...logLevelListeners(settings.logLevel, (line) => lines.push(line)),
    ...clock,
    pacer: new RateLimitPacer(),
  });
  return { client, lines };
}

let emulator: RunningEmulator;
let proxy: CountingProxy;
const base = (): Record<string, string> => ({ "okta:orgUrl": emulator.url, "okta:apiToken": ORG.token });

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
});
afterAll(async () => emulator?.close());
beforeEach(async () => {
  emulator.reset();
  emulator.clearRequests();
  emulator.setFaults(undefined);
  proxy = await startCountingProxy();
});
afterEach(async () => proxy.close());

describe("okta:httpProxy", () => {
  it("sends every API request to an http org through the proxy, which forwards it to the org", async () => {
    const { client } = clientFromConfig({ ...base(), "okta:httpProxy": proxy.url });
    const roles = await client.listRoleAssignments(alice);
    expect(roles.length).toBeGreaterThan(0);
    const path = `/api/v1/users/${ORG.alice}/roles`;
    expect(proxy.seen.map((r) => r.line)).toEqual([`GET ${emulator.url}${path}`]);
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${path}`]);
  });

  it("is read from OKTA_HTTP_PROXY when the stack does not set it", async () => {
    const { client } = clientFromConfig(base(), { env: { OKTA_HTTP_PROXY: proxy.url } });
    await client.getApp(ORG.wiki);
    expect(proxy.seen.map((r) => r.line)).toEqual([`GET ${emulator.url}/api/v1/apps/${ORG.wiki}`]);
  });

  it("sends the proxy's user and password as Proxy-Authorization and never writes them to the log", async () => {
    await proxy.close();
    proxy = await startCountingProxy(`Basic ${Buffer.from("alice:pr0xy-s3cret").toString("base64")}`);
    const proxyUrl = proxy.url.replace("http://", "http://alice:pr0xy-s3cret@");
    const { client, lines } = clientFromConfig({ ...base(), "okta:httpProxy": proxyUrl, "okta:logLevel": "1" });
    await client.listGroupTargets(alice, ORG.HELP_DESK_ADMIN);
    expect(proxy.seen).toHaveLength(1);
    expect(emulator.requests()).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toMatch(/pr0xy-s3cret|alice:|Basic /);
  });

  it("sends the OAuth token request through the proxy too", async () => {
    const demo = await startEmulator({ port: 0, seed: DEMO_ORG_SEED_PATH });
    try {
      const seed = JSON.parse(readFileSync(DEMO_ORG_SEED_PATH, "utf8")) as { users: { id: string }[] };
      const { client } = clientFromConfig({
        "okta:orgUrl": demo.url,
        "okta:clientId": "0oaDemoPlatformAuto1",
        "okta:privateKey": readFileSync(join(__dirname, "..", "..", "emulator", "demo-org.private-key.pem"), "utf8"),
        "okta:privateKeyId": "rhOfJPdlBjEZP41GwjUIA4heiXRCfNnzzlC9GQblyko",
        "okta:httpProxy": proxy.url,
      });
      await client.listRoleAssignments({ kind: "user", id: seed.users[0].id });
      const lines = proxy.seen.map((r) => r.line);
      expect(lines).toEqual([`POST ${demo.url}/oauth2/v1/token`, `GET ${demo.url}/api/v1/users/${seed.users[0].id}/roles`]);
      expect(demo.requests().map((r) => `${r.method} ${r.path}`)).toEqual(lines.map((l) => l.replace(demo.url, "")));
    } finally {
      await demo.close();
    }
  });

  describe("with an https org", () => {
    let front: HttpsServer;
    let frontPort: number;
    let handshakes: string[]; // TCP connections that reached the stand-in org

    beforeAll(async () => {
      // A TLS server standing in for the org, with a self-signed certificate for localhost made for
      // this test. The client must refuse that certificate: verification still applies through the tunnel.
      const fixtures = join(__dirname, "fixtures");
      front = createHttpsServer(
        { key: readFileSync(join(fixtures, "localhost-test-tls.key.pem")), cert: readFileSync(join(fixtures, "localhost-test-tls.cert.pem")) },
        (_req, res) => res.writeHead(500).end(),
      );
      front.on("connection", () => handshakes.push("connection"));
      await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
      frontPort = (front.address() as AddressInfo).port;
    });
    afterAll(async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    });
    beforeEach(() => {
      handshakes = [];
    });

    it("opens a CONNECT tunnel to the org's host and port and speaks TLS to the org through it", async () => {
      proxy.tunnelTo = { host: "127.0.0.1", port: frontPort };
      const orgUrl = "https://okta-org.example.com:8443"; // the proxy, not DNS, decides where this goes
      const { client } = clientFromConfig({ "okta:orgUrl": orgUrl, "okta:apiToken": ORG.token, "okta:httpProxy": proxy.url, "okta:maxRetries": "0" });
      await expect(client.listRoleAssignments(alice)).rejects.toThrow(/Could not reach Okta \(DEPTH_ZERO_SELF_SIGNED_CERT/);
      // The proxy saw only the tunnel, never a request line, header or token.
      expect(proxy.seen).toEqual([{ line: "CONNECT okta-org.example.com:8443" }]);
      // The one connection the stand-in org got came through the tunnel, and its certificate
      // (the only self-signed one here) is what the client refused.
      expect(handshakes).toEqual(["connection"]);
    });
  });
});

describe("okta:maxRetries, okta:backoff, okta:minWaitSeconds and okta:maxWaitSeconds", () => {
  it("makes exactly okta:maxRetries retries, waiting from okta:minWaitSeconds up to okta:maxWaitSeconds", async () => {
    emulator.setFaults({ rate: 1, kinds: ["503"], seed: 1 });
    const clock = fakeClock(Date.now(), 1); // random 1: each wait is its full backoff ceiling
    const { client } = clientFromConfig(
      { ...base(), "okta:maxRetries": "4", "okta:minWaitSeconds": "2", "okta:maxWaitSeconds": "5" },
      { clock },
    );
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/HTTP 503.*after 4 retries/);
    expect(emulator.requests()).toHaveLength(5);
    expect(clock.sleeps).toEqual([2000, 4000, 5000, 5000]);
  });

  it("with okta:backoff false, fails a 503 at once instead of retrying it", async () => {
    emulator.setFaults({ rate: 1, kinds: ["503"], seed: 1 });
    const clock = fakeClock();
    const { client } = clientFromConfig({ ...base(), "okta:backoff": "false" }, { clock });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/HTTP 503/);
    expect(emulator.requests()).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("with okta:backoff false, still retries a 429 after the rate-limit reset", async () => {
    emulator.setFaults({ rate: 1, kinds: ["429"], seed: 1 });
    const clock = fakeClock();
    const { client } = clientFromConfig({ ...base(), "okta:backoff": "false", "okta:maxRetries": "2" }, { clock });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/kept rate-limiting the request .* after 2 retries/);
    expect(emulator.requests()).toHaveLength(3);
  });
});

describe("okta:requestTimeout", () => {
  it("gives up on an attempt after okta:requestTimeout seconds", async () => {
    emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: 5000 });
    const { client } = clientFromConfig({ ...base(), "okta:requestTimeout": "1", "okta:maxRetries": "0" });
    const started = Date.now();
    await expect(client.listRoleAssignments(alice)).rejects.toThrow(/Could not reach Okta \(ETIMEDOUT/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe("okta:logLevel", () => {
  it("writes one line per request at 2 (DEBUG), nothing at the default 5 (ERROR), and never a credential", async () => {
    const debug = clientFromConfig({ ...base(), "okta:logLevel": "2" });
    await debug.client.listRoleAssignments(alice);
    expect(debug.lines).toEqual([expect.stringMatching(new RegExp(`^okta: GET /api/v1/users/${ORG.alice}/roles -> HTTP 200 in \\d+ ms, X-Okta-Request-Id \\S+$`))]);
    expect(debug.lines.join("\n")).not.toContain(ORG.token);
    const quiet = clientFromConfig(base());
    await quiet.client.listRoleAssignments(alice);
    expect(quiet.lines).toEqual([]);
  });

  it("writes retries at 3 (INFO) but not each request", async () => {
    emulator.setFaults({ rate: 1, kinds: ["500"], seed: 1 });
    const { client, lines } = clientFromConfig({ ...base(), "okta:logLevel": "3", "okta:maxRetries": "1" }, { clock: fakeClock() });
    await expect(client.listRoleAssignments(alice)).rejects.toThrow();
    expect(lines).toEqual([expect.stringMatching(/^okta: retry 1 of GET \/api\/v1\/users\/\S+\/roles in \d+ ms \(server-error, HTTP 500/)]);
  });
});

describe("okta:maxApiCapacity", () => {
  it.each([
    ["50", 5],
    ["100", 10],
  ])("at %s %% sends at most %i of the emulator's 10 per window, uses them all, and no request is refused", async (capacity, share) => {
    const limit = 10;
    const clock = fakeClock(Date.parse("2025-03-14T03:50:00Z"));
    const limited = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed(), now: clock.now, rateLimit: { limit, windowSeconds: 60 } });
    try {
      const { client } = clientFromConfig({ "okta:orgUrl": limited.url, "okta:apiToken": ORG.token, "okta:maxApiCapacity": capacity }, { clock });
      for (let i = 0; i < 25; i++) await client.listRoleAssignments(alice);
      const log = limited.requests();
      expect(log).toHaveLength(25);
      expect(log.filter((r) => r.status === 429)).toEqual([]);
      const perWindow = new Map<string, number>();
      for (const r of log) {
        const window = `${r.family} ${Math.floor(Date.parse(r.time) / 60_000)}`;
        perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
      }
      expect(perWindow.size).toBeGreaterThanOrEqual(Math.ceil(25 / share));
      expect(Math.max(...perWindow.values())).toBe(share);
    } finally {
      await limited.close();
    }
  });
});
