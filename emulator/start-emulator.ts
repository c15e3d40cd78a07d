// Starts an emulator on 127.0.0.1 and hands back its URL and test handles.
import type { AddressInfo } from "node:net";
import { EmulatorRuntime } from "./emulator-runtime";
import { buildServer } from "./http/build-server";
import { DEFAULT_SLOW_MS, type FaultConfig } from "./http/fault-injector";
import { loadFastify } from "./http/load-fastify";
import type { PendingSleeps } from "./http/protocol-hooks";
import type { RequestLogEntry } from "./http/request-log";
import { resolveOptions, type EmulatorOptions } from "./options";
import { presentState, type StateDump } from "./present/present-state";
import { readFaultSettings } from "./routes/fault-settings";
import type { EmulatorSeed } from "./seed/seed-types";

/** Fault settings for setFaults; `slowMs` defaults to 15000. */
export type FaultSettings = Omit<FaultConfig, "slowMs"> & { slowMs?: number };

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:54321` (use it as the Okta org URL). */
  readonly url: string;
  readonly port: number;
  /** The accepted SSWS API token. */
  readonly apiToken: string;
  /** Accepts `next` from now on and revokes the token accepted so far (it gets 401 E0000011), as an admin rotating a token would. */
  rotateApiToken(next: string): void;
  /** The runtime behind the server, for tests that need to look deeper. */
  readonly runtime: EmulatorRuntime;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
  /** The request log (entries with index >= since). */
  requests(since?: number): RequestLogEntry[];
  /** Resolves when the next API request arrives, with its log entry (status still null). */
  nextRequest(): Promise<RequestLogEntry>;
  /** Resolves once the logged request with this index has been answered (or its connection reset). */
  settled(index: number): Promise<RequestLogEntry>;
  /** Empties the request log. */
  clearRequests(): void;
  /** Back to the start-up seed. */
  reset(): void;
  /** Replaces the org with another seed. */
  loadSeed(seed: EmulatorSeed): void;
  /** Answers now every request a `slow` fault is holding, so a test can hold a request until it has done something else. */
  releaseSlow(): void;
  /** Injects faults into API routes; undefined turns them off. */
  setFaults(settings: FaultSettings | undefined): void;
  /** Replaces the clock (epoch ms), e.g. to jump past a rate-limit window. */
  setClock(now: () => number): void;
  /** Principals → role assignments → targets, for assertions. */
  state(): StateDump;
}

/**
 * Starts the emulator; resolves once it listens on 127.0.0.1 (and only there).
 * Needs fastify 5 installed next to this package (an optional peer dependency);
 * without it, rejects with a FastifyMissingError that says what to install.
 *
 * @example
 * ```ts
 * import { startEmulator, DEMO_ORG_SEED_PATH } from "pulumi-okta-role-targets/emulator";
 *
 * const okta = await startEmulator({ seed: DEMO_ORG_SEED_PATH, port: 0 });
 * // okta:orgUrl = okta.url, okta:apiToken = okta.apiToken
 * await okta.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const fastify = loadFastify();
  const resolved = resolveOptions(options);
  const runtime = new EmulatorRuntime(resolved);
  const sleeps: PendingSleeps = new Set();
  const server = buildServer(runtime, fastify, sleeps);
  await server.listen({ host: "127.0.0.1", port: resolved.port });
  const port = (server.server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get apiToken() {
      return runtime.apiToken;
    },
    rotateApiToken: (next) => {
      if (!next) throw new RangeError("rotateApiToken needs a non-empty token");
      runtime.apiToken = next;
    },
    runtime,
    close: () => (closing ??= server.close()),
    requests: (since) => runtime.log.list(since),
    nextRequest: () => runtime.log.nextArrival(),
    settled: (index) => runtime.log.settled(index),
    clearRequests: () => runtime.log.clear(),
    reset: () => runtime.reset(),
    loadSeed: (seed) => runtime.loadSeed(seed),
    releaseSlow: () => {
      for (const wake of [...sleeps]) wake();
    },
    setFaults: (settings) => {
      if (settings === undefined) return runtime.faults.configure(undefined);
      const checked = readFaultSettings({ slowMs: DEFAULT_SLOW_MS, ...settings });
      if (typeof checked === "string") throw new RangeError(`invalid fault settings: ${checked}`);
      runtime.faults.configure(checked);
    },
    setClock: (now) => runtime.setClock(now),
    state: () => presentState(runtime.state),
  };
}
