// Everything one running emulator holds: the org state, its seed baseline, limits, faults, log, tokens.
import type { EmulatorState } from "./domain/emulator-state";
import { FaultInjector } from "./http/fault-injector";
import { RateLimiter } from "./http/rate-limiter";
import { RequestLog } from "./http/request-log";
import { AccessTokens } from "./oauth/access-tokens";
import { DpopNonces } from "./oauth/dpop-nonces";
import { ReplayGuard } from "./oauth/replay-guard";
import type { ResolvedEmulatorOptions } from "./options";
import { buildState } from "./seed/build-state";
import { loadSeed } from "./seed/load-seed";
import { parseSeed } from "./seed/parse-seed";
import type { EmulatorSeed } from "./seed/seed-types";

/** The state and services behind one emulator; route handlers reach everything through it. */
export class EmulatorRuntime {
  /** The current org. Replaced wholesale by reset and seed. */
  state: EmulatorState;
  readonly limiter: RateLimiter;
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();
  readonly tokens = new AccessTokens();
  readonly jtis = new ReplayGuard();
  readonly dpopNonces = new DpopNonces();
  /** The SSWS API token the org accepts now; rotating it revokes the previous one. */
  apiToken: string;
  private readonly baseline: EmulatorSeed;
  private clock: () => number;

  constructor(readonly options: ResolvedEmulatorOptions) {
    this.apiToken = options.apiToken;
    this.clock = options.now;
    this.baseline = loadSeed(options.seed);
    this.state = buildState(this.baseline, this.now());
    this.limiter = new RateLimiter(options.rateLimit.limit, options.rateLimit.windowSeconds);
  }

  /** Emulator-clock time, epoch milliseconds. */
  now(): number {
    return this.clock();
  }

  /** Replaces the clock (tests use this to move time without waiting). */
  setClock(now: () => number): void {
    this.clock = now;
  }

  /** Back to the seed the emulator started with; rate-limit windows start afresh. */
  reset(): void {
    this.state = buildState(this.baseline, this.now());
    this.limiter.clear();
  }

  /** Replaces the org with a new seed (the start-up seed stays the reset baseline). */
  loadSeed(seed: unknown): void {
    this.state = buildState(parseSeed(seed), this.now());
  }
}
