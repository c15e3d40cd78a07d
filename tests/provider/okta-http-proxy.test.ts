// Proves okta:httpProxy from stack config carries every request through a local proxy, against the in-process emulator.
import { readFileSync } from "fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "https";
import type { AddressInfo } from "net";
import { join } from "path";
import { DEMO_ORG_SEED_PATH, startEmulator, type RunningEmulator } from "../../emulator";
import { ORG, testOrgSeed } from "../helpers/test-org";
import { clientFromConfig } from "./helpers/client-from-config";
import { startCountingProxy, type CountingProxy } from "./helpers/counting-proxy";

const alice = { kind: "user", id: ORG.alice } as const;

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
