// Paces requests per org and per endpoint family so the rate-limit budget lasts until reset.
import { endpointFamily } from "./endpoint-family";
import { isDigits } from "./rate-limit-delay";

/** How much of each rate-limit bucket to use, and how much of that to keep in reserve before pacing starts. */
export interface RateLimitPacerOptions {
  /** Start pacing when the remaining budget falls to this fraction of the budget. Default 0.1. */
  reserveFraction?: number;
  /** …or to this many requests, whichever is larger. Default 5. */
  minReserve?: number;
  /**
   * Percentage (1..100) of each bucket's `X-Rate-Limit-Limit` this client may use, like
   * `okta:maxApiCapacity`; the rest is left to other API clients of the org. Default 100.
   * `reserve` can override it per call.
   */
  capacityPercent?: number;
}

/**
 * The requests a client may use of a bucket of `limit` at `capacityPercent`:
 * `floor(limit × capacityPercent / 100)`, but at least 1 so that a small bucket still moves.
 */
export function usableBudget(limit: number, capacityPercent: number): number {
  return Math.max(1, Math.floor((limit * capacityPercent) / 100));
}

interface FamilyWindow {
  limit: number | undefined;
  remaining: number;
  resetEpoch: number;
  /** Local clock time (ms) one second after the server's reset. */
  resetAt: number;
  nextSlotAt: number;
}

/**
 * Remembers the last `X-Rate-Limit-*` headers of each endpoint family and tells each
 * request how long to wait: nothing while the budget is healthy; spread evenly over the
 * time left once it is within the reserve; until the reset once it is spent. The budget is
 * the capacity share of the bucket ({@link usableBudget}): with 50 %, the pacer waits for the
 * reset once `limit − remaining` reaches half the limit. It keeps no clock of its own:
 * callers pass `now`.
 */
export class RateLimitPacer {
  readonly #windows = new Map<string, FamilyWindow>();
  /** Requests sent per family while no current window was known (at start, or after a reset). */
  readonly #uncounted = new Map<string, number>();
  readonly #options: Required<RateLimitPacerOptions>;

  /** Creates an empty pacer. */
  constructor(options: RateLimitPacerOptions = {}) {
    this.#options = {
      reserveFraction: options.reserveFraction ?? 0.1,
      minReserve: options.minReserve ?? 5,
      capacityPercent: checkCapacity(options.capacityPercent ?? 100),
    };
  }

  /**
   * Claims one request of the path's family and returns how many ms to wait before sending
   * it. `claimed: false` means the budget is spent: wait `delayMs`, then reserve again, so
   * the request is counted in the window it is actually sent in.
   */
  reserve(
    path: string,
    now: number,
    capacityPercent = this.#options.capacityPercent,
  ): { family: string; delayMs: number; remaining: number; claimed: boolean } {
    checkCapacity(capacityPercent);
    const family = endpointFamily(path);
    const w = this.#windows.get(family);
    if (!w || now >= w.resetAt) {
      this.#uncounted.set(family, (this.#uncounted.get(family) ?? 0) + 1);
      return { family, delayMs: 0, remaining: w ? w.remaining : Infinity, claimed: true };
    }
    // Without a limit header the share cannot be computed: the whole remaining budget is used.
    const budget = w.limit === undefined ? undefined : usableBudget(w.limit, capacityPercent);
    const keptForOthers = w.limit === undefined || budget === undefined ? 0 : w.limit - budget;
    const remaining = w.remaining - keptForOthers;
    if (remaining <= 0) return { family, delayMs: w.resetAt - now, remaining: Math.max(0, remaining), claimed: false };
    w.remaining--;
    if (remaining > this.#reserveFor(budget)) return { family, delayMs: 0, remaining, claimed: true };
    // Spread what is left evenly over the time left: each slot takes an equal share.
    const slot = Math.max(now, w.nextSlotAt);
    w.nextSlotAt = slot + Math.max(0, w.resetAt - slot) / remaining;
    return { family, delayMs: Math.round(slot - now), remaining, claimed: true };
  }

  /** Records the rate-limit headers of a response to a request on `path`. */
  observe(path: string, headers: Record<string, string>, now: number): void {
    const remainingText = (headers["x-rate-limit-remaining"] ?? "").trim();
    const resetText = (headers["x-rate-limit-reset"] ?? "").trim();
    if (!isDigits(remainingText) || !isDigits(resetText)) return;
    const limitText = (headers["x-rate-limit-limit"] ?? "").trim();
    const limit = isDigits(limitText) ? Number(limitText) : undefined;
    const resetEpoch = Number(resetText);
    const dateMs = Date.parse(headers["date"] ?? "");
    const serverNow = Number.isFinite(dateMs) ? dateMs : now;
    const family = endpointFamily(path);
    const w = this.#windows.get(family);
    if (w && w.resetEpoch === resetEpoch) {
      w.remaining = Math.min(w.remaining, Number(remainingText));
      w.limit = limit ?? w.limit;
    } else if (!w || resetEpoch > w.resetEpoch) {
      const resetAt = now + resetEpoch * 1000 - serverNow + 1000;
      // Requests sent before this first answer of the window may not be counted in its
      // header yet; assume they were, so the budget is not overrun at the window's end.
      const inFlight = Math.max(0, (this.#uncounted.get(family) ?? 0) - 1);
      this.#uncounted.set(family, 0);
      const remaining = Math.max(0, Number(remainingText) - inFlight);
      this.#windows.set(family, { limit, remaining, resetEpoch, resetAt, nextSlotAt: 0 });
    }
  }

  #reserveFor(budget: number | undefined): number {
    const fromBudget = budget === undefined ? 0 : Math.ceil(budget * this.#options.reserveFraction);
    return Math.max(this.#options.minReserve, fromBudget);
  }
}

function checkCapacity(percent: number): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`capacityPercent must be a whole number from 1 to 100; got ${percent}`);
  }
  return percent;
}

/**
 * The one piece of module state in the sdk: a pacer per org origin, shared by every client
 * for that org in this process, because Okta counts the org's requests together.
 */
const pacersByOrigin = new Map<string, RateLimitPacer>();

/** The process-wide pacer for an org (created on first use). */
export function pacerForOrg(orgUrl: string): RateLimitPacer {
  const origin = new URL(orgUrl).origin;
  let pacer = pacersByOrigin.get(origin);
  if (!pacer) {
    pacer = new RateLimitPacer();
    pacersByOrigin.set(origin, pacer);
  }
  return pacer;
}
