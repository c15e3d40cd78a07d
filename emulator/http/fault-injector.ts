// Decides, deterministically from a seed, which API requests get an injected fault.
import { seededRandom } from "./prng";

/** The faults the emulator can inject. */
export const FAULT_KINDS = ["429", "500", "503", "reset", "slow", "409"] as const;

/** One fault kind: an HTTP error, a dropped connection (`reset`) or a late answer (`slow`). */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Fault settings, as posted to `/__emulator/faults`. */
export interface FaultConfig {
  /** Probability in [0, 1] that an API request gets a fault. */
  readonly rate: number;
  /** The kinds to choose from, uniformly. */
  readonly kinds: readonly FaultKind[];
  /** PRNG seed: the same seed and request sequence give the same faults. */
  readonly seed: number;
  /** Delay of a `slow` fault in milliseconds (default 15000, beyond typical client timeouts). */
  readonly slowMs: number;
}

/** Default delay of a `slow` fault. */
export const DEFAULT_SLOW_MS = 15_000;

/** Holds the active fault settings and draws a fault (or none) per request. */
export class FaultInjector {
  private config: FaultConfig | undefined;
  private random: () => number = Math.random;

  /** Installs settings (restarting the PRNG from the seed), or clears them with undefined. */
  configure(config: FaultConfig | undefined): void {
    this.config = config;
    if (config) this.random = seededRandom(config.seed);
  }

  /** The active settings, if any. */
  current(): FaultConfig | undefined {
    return this.config;
  }

  /** Draws for one request: the fault to inject, or undefined for a normal answer. */
  draw(): FaultKind | undefined {
    const config = this.config;
    if (!config || config.kinds.length === 0) return undefined;
    if (this.random() >= config.rate) return undefined;
    return config.kinds[Math.floor(this.random() * config.kinds.length)];
  }
}
