// On the real Pulumi engine with the packed tarball: an out-of-range okta:* tuning key fails the preview, and okta:httpProxy carries the provider's requests.
import { startEmulator, type RunningEmulator } from "../../emulator";
import { BINDING_PROGRAM, bindingConfig, type BindingSpec } from "../helpers/binding-program";
import { createProgram } from "../helpers/pulumi-program";
import { ORG, testOrgSeed } from "../helpers/test-org";
import { startCountingProxy, type CountingProxy } from "../provider/helpers/counting-proxy";

jest.setTimeout(300_000);

const SPECS: BindingSpec[] = [
  { type: "GroupTargetBinding", name: "alice-helpdesk", args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: [ORG.emea] } },
];

let emulator: RunningEmulator;
let proxy: CountingProxy;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  proxy = await startCountingProxy();
});
afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
});

describe("okta:* tuning keys through the engine", () => {
  it("fails the preview on okta:maxApiCapacity 0, naming the key, the range and the value, before any write", async () => {
    const config = { ...bindingConfig(emulator.url, ORG.token, SPECS), "okta:maxApiCapacity": { value: "0" } };
    const p = await createProgram({ project: "tuning-range-e2e", program: BINDING_PROGRAM, config });
    try {
      emulator.clearRequests();
      await expect(p.preview()).rejects.toThrow(
        'okta:maxApiCapacity / MAX_API_CAPACITY must be a whole number from 1 to 100 (percent of each rate-limit bucket); got "0".',
      );
      expect(emulator.requests().filter((r) => r.method !== "GET")).toEqual([]);
    } finally {
      await p.cleanup();
    }
  });

  it("sends the provider's requests through okta:httpProxy, and the org sees exactly those", async () => {
    const config = { ...bindingConfig(emulator.url, ORG.token, SPECS), "okta:httpProxy": { value: proxy.url } };
    const p = await createProgram({ project: "tuning-proxy-e2e", program: BINDING_PROGRAM, config });
    try {
      emulator.clearRequests();
      await p.up();
      const viaProxy = proxy.seen.map((r) => r.line.replace(emulator.url, ""));
      const atOrg = emulator.requests().map((r) => `${r.method} ${r.path}${Object.keys(r.query).length ? "?" : ""}`);
      expect(viaProxy.length).toBeGreaterThan(0);
      expect(viaProxy).toContain(`PUT /api/v1/users/${ORG.alice}/roles/${ORG.HELP_DESK_ADMIN}/targets/groups/${ORG.emea}`);
      expect(viaProxy.map((l) => l.replace(/\?.*$/, "?")).sort()).toEqual(atOrg.sort());
    } finally {
      await p.cleanup();
    }
  });
});
