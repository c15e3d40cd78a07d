// Credentials never leave the places they belong: not the state file (nor __provider), not
// the engine's verbose logs, not error messages, not the request log. Secret inputs stay
// encrypted in state, and so do the outputs derived from them.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { RunningEmulator, startEmulator } from "../../emulator";
import { createProgram, TestProgram } from "../helpers/pulumi-program";
import { ORG } from "../helpers/test-org";
import { newServiceAppKey, reliabilityOrgSeed } from "./helpers/reliability-org";
import { RELIABILITY_PROGRAM, ReliabilitySpec, StackAuth, reliabilityConfig } from "./helpers/reliability-program";
import { issuedCredentials, RecordingProxy, startRecordingProxy } from "./helpers/recording-proxy";
import { filesUnder, findLeaks, Haystack, privateKeySecret, Secret, secretValue } from "./helpers/secret-scan";

jest.setTimeout(300_000);

/** Pulumi's marker for a secret value in state. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** The groups only the secret binding names: they must never appear in state in plain text. */
const SECRET_GROUPS_V1 = [ORG.eng];
const SECRET_GROUPS_V2 = [ORG.eng, ORG.apac];

function specs(apps: string[]): ReliabilitySpec[] {
  return [
    { type: "AppTargetBinding", name: "svc-apps", args: { clientId: ORG.client, roleType: "APP_ADMIN", appNames: apps } },
    { type: "GroupTargetBinding", name: "secret-groups", args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN" }, secretConfigArgs: { groupIds: "e2e:secretGroups" } },
  ];
}

interface Scenario {
  emulator: RunningEmulator;
  proxy: RecordingProxy;
  p: TestProgram;
  /** Engine output (stdout and stderr) of every operation, verbose, without the engine's own provider-config lines. */
  logs: Haystack[];
  /** The engine's log lines that print the default provider's configuration (see ENGINE_CONFIG_LINE). */
  engineConfigLines: { where: string; v: number; text: string }[];
  /** Messages of the operations that failed, without verbose log lines. */
  errors: Haystack[];
}

/**
 * Lines in which the Pulumi engine itself prints the configuration it passes to the default
 * `pulumi-nodejs` provider (the whole stack config, secrets decrypted): CheckConfig, DiffConfig
 * and Configure marshaling at -v=9, and the planner's decision at -v=7. This package does not
 * write them and cannot stop them; they are counted and reported apart.
 */
const ENGINE_CONFIG_LINE =
  /^(Marshaling property for RPC\[Provider\[0x[0-9a-f]+\]\.(CheckConfig|DiffConfig|Configure)\(|Planner decided to \w+ 'urn:pulumi:[^']*::pulumi:providers:pulumi-nodejs::default')/;

/** Splits engine output into the engine's provider-config lines and everything else. */
function splitLog(text: string): { rest: string; config: { v: number; text: string }[] } {
  const rest: string[] = [];
  const config: { v: number; text: string }[] = [];
  for (const line of text.split("\n")) {
    let entry: { msg?: string; v?: number } | undefined;
    if (line.startsWith('{"time":')) {
      try {
        entry = JSON.parse(line);
      } catch {
        entry = undefined;
      }
    }
    if (entry?.msg && ENGINE_CONFIG_LINE.test(entry.msg)) config.push({ v: entry.v ?? 0, text: line });
    else rest.push(line);
  }
  return { rest: rest.join("\n"), config };
}

/** Drops the verbose log lines from an error message, leaving what the user is shown. */
const withoutLogLines = (text: string) => text.split("\n").filter((l) => !l.includes('{"time":')).join("\n");

const figures: string[] = [];

/** Where the engine printed a secret in its provider-config lines, and the lowest -v at which it did. */
function engineLeaks(s: Scenario, secrets: readonly Secret[]): { count: number; minVerbosity: number | undefined } {
  const leaking = s.engineConfigLines.filter((l) => secrets.some((x) => x.fragments.some((f) => l.text.includes(f))));
  return { count: leaking.length, minVerbosity: leaking.length ? Math.min(...leaking.map((l) => l.v)) : undefined };
}
afterAll(() => console.log(`[reliability:secrets] ${figures.join("; ")}`));

async function scenario(apiToken: string, auth: (proxyUrl: string) => StackAuth, publicJwk?: Record<string, unknown>): Promise<Scenario> {
  const emulator = await startEmulator({ port: 0, apiToken, seed: reliabilityOrgSeed({ publicJwk }) });
  const proxy = await startRecordingProxy(emulator.url);
  const config = reliabilityConfig(proxy.url, auth(proxy.url), specs(["slack"]));
  config["e2e:secretGroups"] = { value: JSON.stringify(SECRET_GROUPS_V1), secret: true };
  const p = await createProgram({ project: "secrets", program: RELIABILITY_PROGRAM, config });
  return { emulator, proxy, p, logs: [], engineConfigLines: [], errors: [] };
}

/** Runs an operation with the engine's most verbose logging to stderr, flowed to plugins, keeping all of it. */
async function verbose(s: Scenario, op: "up" | "refresh" | "destroy", expectFailure = false, runProgram = false): Promise<void> {
  let out = "";
  const opts = { color: "never" as const, logToStdErr: true, logVerbosity: 9, logFlow: true, onOutput: (t: string) => (out += t), onError: (t: string) => (out += t) };
  const run = op === "up" ? s.p.stack.up(opts) : op === "refresh" ? s.p.stack.refresh({ ...opts, runProgram }) : s.p.stack.destroy({ ...opts, runProgram });
  const error = await run.then(() => undefined, (e: Error) => e);
  const { rest, config } = splitLog(out);
  s.logs.push({ where: `verbose ${op} log`, text: rest });
  s.engineConfigLines.push(...config.map((c) => ({ where: `verbose ${op} log`, ...c })));
  if (error) s.errors.push({ where: `${op} error`, text: withoutLogLines(`${error.message}\n${error.stack ?? ""}`) });
  if (expectFailure !== Boolean(error)) throw new Error(`${op} ${error ? `failed: ${error.message.slice(0, 3000)}` : "succeeded, but a failure was expected"}`);
}

/** Everywhere a credential must not be: files of the stack, logs, errors, the request log outside Authorization. */
function haystacks(s: Scenario): Haystack[] {
  const ws = s.p.stack.workspace as unknown as { pulumiHome?: string };
  const exchanges = s.proxy.exchanges.map((e, i) => {
    const { authorization: _a, ...headers } = e.requestHeaders;
    const isToken = e.url.startsWith("/oauth2/v1/token"); // the assertion goes in, the token comes out: by design
    return { where: `request ${i} (${e.method} ${e.url}) outside Authorization`, text: JSON.stringify({ url: e.url, headers, body: isToken ? "" : e.requestBody, response: isToken ? "" : e.responseBody }) };
  });
  return [
    ...filesUnder(s.p.backendDir, "backend"),
    ...filesUnder(s.p.dir, "program"),
    ...filesUnder(ws.pulumiHome ?? "", "PULUMI_HOME"),
    ...s.logs,
    ...s.errors,
    { where: "emulator request log", text: JSON.stringify(s.emulator.requests()) },
    ...exchanges,
  ];
}

interface StateResource {
  urn: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
const isSecret = (v: unknown) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270" && typeof (v as Record<string, unknown>).ciphertext === "string";

/** The secret binding's groupIds (input and output) and targets are ciphertext; the group ids appear nowhere in plain text. */
function expectSecretsEncrypted(s: Scenario, secretGroups: string[], credentialKey: string): void {
  const state = s.p.stateText();
  const resources = JSON.parse(state).checkpoint.latest.resources as StateResource[];
  const binding = resources.find((r) => r.urn.endsWith("::secret-groups"));
  expect(binding).toBeDefined();
  expect({ input: isSecret(binding?.inputs?.groupIds), output: isSecret(binding?.outputs?.groupIds), targets: isSecret(binding?.outputs?.targets) }).toEqual({
    input: true,
    output: true,
    targets: true,
  });
  const provider = resources.find((r) => r.urn.includes("pulumi:providers:pulumi-nodejs"));
  expect(isSecret(provider?.inputs?.[credentialKey])).toBe(true);
  expect(secretGroups.filter((g) => state.includes(g))).toEqual([]);
  expect(fs.readFileSync(`${s.p.dir}/Pulumi.e2e.yaml`, "utf8")).toMatch(new RegExp(`${credentialKey}:\\s*\\n\\s*secure: v1:`));
}

async function setGroupsAndApps(s: Scenario, groups: string[], apps: string[]): Promise<void> {
  await s.p.stack.setConfig("e2e:secretGroups", { value: JSON.stringify(groups), secret: true });
  await s.p.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs(apps)) });
}

async function close(s: Scenario | undefined): Promise<void> {
  await s?.p.cleanup();
  await s?.proxy.close();
  await s?.emulator.close();
}

describe("credentials and secret values", () => {
  it.concurrent("an API token appears in no state file, error, request field or log line of this package through create, update, refresh, a 401 and destroy (the engine prints it only in its own provider-config lines at -v 7 and up), and a refresh that does not run the program keeps using the token stored by the last up", async () => {
    const token = `ssws-${randomBytes(16).toString("hex")}`;
    const wrongToken = `ssws-wrong-${randomBytes(16).toString("hex")}`;
    let s: Scenario | undefined;
    try {
      s = await scenario(token, () => ({ apiToken: token }));
      await verbose(s, "up");
      expectSecretsEncrypted(s, SECRET_GROUPS_V1, "okta:apiToken");
      await setGroupsAndApps(s, SECRET_GROUPS_V2, ["slack", "box"]);
      await verbose(s, "up");
      expectSecretsEncrypted(s, SECRET_GROUPS_V2, "okta:apiToken");
      await verbose(s, "refresh");
      // A wrong token. Refresh and destroy use the provider configuration stored by the last
      // up (the token, encrypted) unless they run the program; with --run-program Okta answers
      // 401, and the error shows neither token.
      await s.p.stack.setConfig("okta:apiToken", { value: wrongToken, secret: true });
      await verbose(s, "refresh");
      await verbose(s, "refresh", true, true);
      expect(s.errors.map((e) => e.text).join("\n")).toMatch(/Okta rejected the credentials/);
      await s.p.stack.setConfig("okta:apiToken", { value: token, secret: true });
      await verbose(s, "destroy", false, true);

      const secrets = [secretValue("API token", token), secretValue("wrong API token", wrongToken)];
      const places = haystacks(s);
      const leaks = findLeaks(places, secrets);
      const engine = engineLeaks(s, secrets);
      figures.push(
        `API token: ${places.length} places searched (${s.logs.length} verbose logs, ${s.errors.length} errors), leaks=${leaks.length}; ` +
          `engine provider-config log lines showing it=${engine.count} (lowest -v ${engine.minVerbosity})`,
      );
      expect(leaks).toEqual([]);
      // The engine's own lines: only at -v 7 and above.
      expect(engine.minVerbosity ?? 7).toBeGreaterThanOrEqual(7);
      // The search would have found it: the token did reach Okta, in the Authorization header.
      expect(s.proxy.exchanges.some((e) => e.requestHeaders.authorization === `SSWS ${token}`)).toBe(true);
    } finally {
      await close(s);
    }
  });

  it.concurrent("a service app's private key, its client assertions and its access tokens appear in no state file, error, request field or log line of this package through create, update, refresh, a 403 and destroy (the engine prints the key only in its own provider-config lines at -v 7 and up)", async () => {
    const key = newServiceAppKey();
    let s: Scenario | undefined;
    try {
      s = await scenario("unused-api-token", () => ({ clientId: ORG.client, privateKey: key.privateKeyPem }), key.publicJwk);
      await verbose(s, "up");
      expectSecretsEncrypted(s, SECRET_GROUPS_V1, "okta:privateKey");
      await setGroupsAndApps(s, SECRET_GROUPS_V2, ["slack", "box"]);
      await verbose(s, "up");
      expectSecretsEncrypted(s, SECRET_GROUPS_V2, "okta:privateKey");
      await verbose(s, "refresh");
      // Tokens without okta.roles.manage: reads work, the first write gets 403.
      await s.p.stack.setConfig("okta:scopes", { value: "okta.roles.read" });
      await setGroupsAndApps(s, SECRET_GROUPS_V2, ["slack"]);
      await verbose(s, "up", true);
      expect(s.errors.map((e) => e.text).join("\n")).toMatch(/Okta denied permission/);
      await s.p.stack.removeConfig("okta:scopes");
      await verbose(s, "destroy", false, true); // with the scopes restored, not those stored by the failed up

      const { accessTokens, clientAssertions } = issuedCredentials(s.proxy.exchanges);
      expect(accessTokens.length).toBeGreaterThan(0);
      expect(clientAssertions.length).toBe(accessTokens.length);
      const secrets: Secret[] = [
        privateKeySecret("private key", key.privateKeyPem),
        ...accessTokens.map((t, i) => secretValue(`access token ${i}`, t)),
        ...clientAssertions.map((a, i) => secretValue(`client assertion ${i}`, a)),
      ];
      const places = haystacks(s);
      const leaks = findLeaks(places, secrets);
      const engine = engineLeaks(s, secrets);
      figures.push(
        `private key: ${accessTokens.length} access tokens and ${clientAssertions.length} assertions issued, ${places.length} places searched ` +
          `(${s.logs.length} verbose logs, ${s.errors.length} errors), leaks=${leaks.length}; engine provider-config log lines showing the key=${engine.count} (lowest -v ${engine.minVerbosity})`,
      );
      expect(leaks).toEqual([]);
      expect(engine.minVerbosity ?? 7).toBeGreaterThanOrEqual(7);
      expect(s.proxy.exchanges.some((e) => e.requestHeaders.authorization === `Bearer ${accessTokens[0]}`)).toBe(true);
    } finally {
      await close(s);
    }
  });
});
