// Against the emulator: the real client's refusals of a mistyped catalog key or a mis-keyed app instance are explained.
import { startEmulator } from "../../emulator";
import { explainTargetError, FailedTargetOperation } from "../../provider/explain-target-error";
import { targetLookupsFor } from "../../provider/target-lookups";
import { listCatalogApps } from "../../sdk/list-catalog-apps";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { ORG, testOrgSeed } from "../helpers/test-org";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;
let client: OktaClient;
const alice: Principal = { kind: "user", id: ORG.alice };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } });
});
afterAll(async () => emulator?.close());

/** Runs `write`, expecting Okta to refuse it, and returns the explanation of that refusal. */
async function explained(write: () => Promise<void>, op: FailedTargetOperation): Promise<Error | undefined> {
  const err = await write().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeDefined();
  return explainTargetError(err, op, targetLookupsFor(client));
}

describe("explainTargetError with the real client", () => {
  it("lists the OIN catalog through the sdk", async () => {
    const keys = (await listCatalogApps(client)).map((a) => a.name);
    expect(keys).toEqual(expect.arrayContaining(["salesforce", "slack", "bookmark", "oidc_client"]));
  });

  it("suggests slack for the OIN key slak", async () => {
    const err = await explained(() => client.assignCatalogAppTarget(alice, ORG.APP_ADMIN, "slak"), { type: "add", target: { kind: "catalogApp", appName: "slak" } });
    expect(err?.message).toMatch(/^appNames: "slak" is not an OIN catalog key Okta knows; did you mean slack\? \(Okta answered 404 E0000007 on PUT \/api\/v1\/users\/00ualice000000000001\/roles\/IFIFAX2BIRGUSTQ\/targets\/catalog\/apps\/slak/);
  });

  it("names the real key of an app instance declared under the wrong one", async () => {
    const op: FailedTargetOperation = { type: "add", target: { kind: "appInstance", appName: "salesforce", appId: ORG.wiki } };
    const err = await explained(() => client.assignAppInstanceTarget(alice, ORG.APP_ADMIN, "salesforce", ORG.wiki), op);
    expect(err?.message).toMatch(new RegExp(`^apps: ${ORG.wiki} is a bookmark app \\("Wiki"\\), not salesforce; write \\{ appName: "bookmark", appId: "${ORG.wiki}" \\}`));
  });

  it("says an app instance id is unknown to the org (getApp's 404 read as 'no such app')", async () => {
    const gone = "0oanobody00000000001";
    const op: FailedTargetOperation = { type: "add", target: { kind: "appInstance", appName: "bookmark", appId: gone } };
    const err = await explained(() => client.assignAppInstanceTarget(alice, ORG.APP_ADMIN, "bookmark", gone), op);
    expect(err?.message).toMatch(new RegExp(`^apps: there is no app instance ${gone} in this org`));
  });

  it("reads the catalog once per set of look-ups", async () => {
    const lookups = targetLookupsFor(client);
    await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" });
    for (const appName of ["slak", "salesfroce"]) {
      const err = await client.assignCatalogAppTarget(alice, ORG.APP_ADMIN, appName).catch((e: unknown) => e);
      expect((await explainTargetError(err, { type: "add", target: { kind: "catalogApp", appName } }, lookups))?.message).toMatch(/did you mean/);
    }
    const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as { method: string; path: string }[];
    expect(log.filter((r) => r.path === "/api/v1/catalog/apps")).toHaveLength(1);
  });

  it("keeps Okta's error when the target is right and something else is missing", async () => {
    const err = await explained(() => client.assignCatalogAppTarget(alice, "ZZZZZZZZZZZZZZZ", "slack"), { type: "add", target: { kind: "catalogApp", appName: "slack" } });
    expect(err).toBeUndefined();
  });
});
