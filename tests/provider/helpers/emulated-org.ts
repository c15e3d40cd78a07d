// The seeded test org on an emulator for provider tests: started once per file, reset before each test.
import { RunningEmulator, startEmulator } from "../../../emulator";
import { OktaClient } from "../../../sdk/okta-client";
import { ORG, testOrgSeed } from "../../helpers/test-org";

/** The running emulator and a client for it. */
export interface EmulatedOrg {
  readonly emulator: RunningEmulator;
  readonly client: OktaClient;
}

/**
 * Registers jest hooks that start the emulator with the seeded test org, reset
 * it and empty its request log before each test, and close it after the file.
 * Call the returned function inside tests to reach the emulator and client.
 */
export function useEmulatedOrg(): () => EmulatedOrg {
  let org: EmulatedOrg | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
    org = { emulator, client: new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } }) };
  });
  afterAll(async () => org?.emulator.close());
  beforeEach(() => {
    org?.emulator.reset();
    org?.emulator.clearRequests();
  });
  return () => {
    if (!org) throw new Error("the emulated org is not started: call useEmulatedOrg at the top of a test file");
    return org;
  };
}
