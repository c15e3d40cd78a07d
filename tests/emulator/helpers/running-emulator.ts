// Starts one emulator per test file and resets it before each test.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../emulator";
import { apiFor, type Api } from "./api";

/** Handles a test file uses; filled in by beforeAll. */
export interface EmulatorFixture {
  emulator: RunningEmulator;
  api: Api;
}

/** Registers beforeAll/afterAll (and a reset in beforeEach) around one emulator. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  beforeAll(async () => {
    fixture.emulator = await startEmulator(options);
    fixture.api = apiFor(fixture.emulator.url, `SSWS ${fixture.emulator.apiToken}`);
  });
  beforeEach(() => {
    fixture.emulator.reset();
    fixture.emulator.setFaults(undefined);
  });
  afterAll(async () => {
    await fixture.emulator?.close();
  });
  return fixture;
}
