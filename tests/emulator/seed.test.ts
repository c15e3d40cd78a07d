// Seeds: references, target forms, stable ids across reset, validation, and the bundled demo org.
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPKCS8 } from "jose";
import { DEMO_ORG_SEED_PATH, loadSeed, SeedError, startEmulator, type EmulatorSeed, type RunningEmulator } from "../../emulator";
import { apiFor, expectStatus } from "./helpers/api";
import { clientAssertion, requestToken, tokenForm } from "./helpers/oauth";

const started: RunningEmulator[] = [];
afterEach(async () => {
  for (const emulator of started.splice(0)) await emulator.close();
});

async function start(seed: EmulatorSeed | string): Promise<RunningEmulator> {
  const emulator = await startEmulator({ seed });
  started.push(emulator);
  return emulator;
}

const person = (login: string) => ({ login, email: login, firstName: "F", lastName: "L" });

describe("seed references", () => {
  it("resolves @ref, a login's local part, a group name, an app label and literal ids", async () => {
    const emulator = await start({
      users: [{ profile: person("dana@example.com") }, { ref: "eve", profile: person("eve.smith@example.com") }],
      groups: [{ id: "00gSeedRefGroup00001", profile: { name: "Ops" } }, { ref: "dev", profile: { name: "Developers" } }],
      apps: [{ ref: "sf", name: "salesforce", label: "SF Prod" }, { name: "slack", label: "Chat" }],
      roleAssignments: [
        { principal: { user: "@dana" }, type: "USER_ADMIN", groupTargets: ["@Ops", "@dev"] },
        { principal: { user: "@eve" }, type: "APP_ADMIN", appTargets: ["@sf", "@Chat", "box", { catalog: "github" }] },
        { principal: { group: "00gSeedRefGroup00001" }, type: "HELP_DESK_ADMIN", groupTargets: ["@dev"] },
      ],
    });
    const state = emulator.state();
    const id = (name: string): string => state.groups.find((group) => group.name === name)?.id ?? "";
    const appId = (label: string): string => state.apps.find((app) => app.label === label)?.id ?? "";
    const roles = state.principals.flatMap((principal) => principal.roleAssignments.map((ra) => ({ kind: principal.kind, ...ra })));
    expect(roles[0]?.groupTargets).toEqual([id("Ops"), id("Developers")].sort());
    expect(roles[1]?.appTargets).toEqual([{ catalog: "github" }, { catalog: "box" }, { appName: "slack", appId: appId("Chat") }, { appName: "salesforce", appId: appId("SF Prod") }]);
    expect(roles[2]).toMatchObject({ kind: "group", type: "HELP_DESK_ADMIN", groupTargets: [id("Developers")] });
  });

  it("keeps generated ids across reset, so captured ids stay valid", async () => {
    const emulator = await start({ users: [{ profile: person("stable@example.com") }], groups: [{ profile: { name: "Stable" } }] });
    const before = emulator.state();
    emulator.reset();
    expect(emulator.state()).toEqual(before);
  });

  it("keeps an explicit id for a role without a fixed id, and refuses a wrong fixed one", async () => {
    const emulator = await start({
      users: [{ ref: "root", profile: person("root@example.com") }],
      roleAssignments: [{ id: "ra1SeedSuperAdmin001", principal: { user: "@root" }, type: "SUPER_ADMIN" }],
    });
    expect(emulator.state().principals[0]?.roleAssignments[0]?.id).toBe("ra1SeedSuperAdmin001");
    expect(() => loadSeed({ users: [{ ref: "r", profile: person("r@example.com") }], roleAssignments: [{ id: "ra1SeedAppAdmin00001", principal: { user: "@r" }, type: "APP_ADMIN" }] })).toThrow(
      "APP_ADMIN always has id IFIFAX2BIRGUSTQ",
    );
  });

  it("sets seeded user status, defaulting to ACTIVE", async () => {
    const emulator = await start({ users: [{ profile: person("a@example.com") }, { status: "STAGED", profile: person("s@example.com") }] });
    expect(emulator.state().users.map((user) => user.status)).toEqual(["ACTIVE", "STAGED"]);
  });

  it.each<[string, unknown, string]>([
    ["two objects with one ref", { groups: [{ ref: "x", profile: { name: "a" } }, { ref: "x", profile: { name: "b" } }] }, "groups[1].ref: 'x' is used twice"],
    ["an ambiguous natural name", { users: [{ profile: person("sam@example.com") }, { profile: person("sam@example.org") }], roleAssignments: [{ principal: { user: "@sam" }, type: "APP_ADMIN" }] }, "more than one object"],
    ["two principals in one assignment", { users: [{ ref: "u", profile: person("u@example.com") }], groups: [{ ref: "g", profile: { name: "g" } }], roleAssignments: [{ principal: { user: "@u", group: "@g" }, type: "APP_ADMIN" }] }, "set exactly one of user, group, client"],
    ["a role for a non-service client", { apps: [{ ref: "b", name: "slack", label: "b" }], roleAssignments: [{ principal: { client: "@b" }, type: "APP_ADMIN" }] }, "roleAssignments[0]: Admin roles can only be assigned"],
    ["an app outside the OIN catalog", { apps: [{ name: "myapp", label: "m" }] }, "apps[0]: Api validation failed: name"],
  ])("refuses a seed with %s, naming the entry", async (_what, seed, message) => {
    const starting = startEmulator({ seed: seed as EmulatorSeed });
    await expect(starting).rejects.toBeInstanceOf(SeedError);
    await expect(starting).rejects.toThrow(message);
  });

  it("reports a seed file that is not JSON", () => {
    const file = join(mkdtempSync(join(tmpdir(), "emu-seed-")), "broken.json");
    writeFileSync(file, "{ users: [");
    expect(() => loadSeed(file)).toThrow(/is not valid JSON/);
  });
});

describe("the demo org", () => {
  it("has alice the help-desk admin, IT Admins with APP_ADMIN and USER_ADMIN, and the platform-automation client with APP_ADMIN", async () => {
    const emulator = await start(DEMO_ORG_SEED_PATH);
    const api = apiFor(emulator.url);
    const types = async (path: string): Promise<string[]> => expectStatus(await api("GET", path), 200).body.map((ra: { type: string }) => ra.type);
    expect(await types("/api/v1/users/00uDemoAlice00000001/roles")).toEqual(["HELP_DESK_ADMIN"]);
    expect(await types("/api/v1/groups/00gDemoItAdmins00004/roles")).toEqual(["APP_ADMIN", "USER_ADMIN"]);
    expect(await types("/oauth2/v1/clients/0oaDemoPlatformAuto1/roles")).toEqual(["APP_ADMIN"]);
    const names = emulator.state().groups.map((group) => group.name);
    expect(names).toEqual(expect.arrayContaining(["Sales EMEA", "Sales APAC", "Engineering", "IT Admins"]));
    expect(emulator.state().apps.map((app) => app.name)).toEqual(expect.arrayContaining(["bookmark", "salesforce", "slack", "oidc_client"]));
  });

  it("holds only public key material; the throwaway private key next to it gets tokens for platform-automation", async () => {
    const text = readFileSync(DEMO_ORG_SEED_PATH, "utf8");
    expect(text).not.toMatch(/"(d|p|q|dp|dq|qi)"\s*:/);
    const emulator = await start(DEMO_ORG_SEED_PATH);
    const privateKey = await importPKCS8(readFileSync(join(__dirname, "..", "..", "emulator", "demo-org.private-key.pem"), "utf8"), "RS256");
    const seed = JSON.parse(text) as EmulatorSeed;
    const kid = (seed.apps?.find((app) => app.id === "0oaDemoPlatformAuto1")?.settings as { oauthClient: { jwks: { keys: { kid: string }[] } } }).oauthClient.jwks.keys[0]?.kid;
    const assertion = await clientAssertion({ privateKey, publicJwk: { kty: "RSA", kid } }, "0oaDemoPlatformAuto1", `${emulator.url}/oauth2/v1/token`);
    const response = await requestToken(emulator.url, tokenForm(assertion, "okta.roles.read okta.roles.manage"));
    expect(response).toMatchObject({ status: 200, body: { token_type: "Bearer" } });
  });
});
