// Fixed-window rate limits per endpoint family, measured on the injected clock.

/** What a response reports in X-Rate-Limit-Limit / -Remaining / -Reset. */
export interface RateLimitStatus {
  readonly limit: number;
  readonly remaining: number;
  /** UTC epoch seconds when the window ends. */
  readonly reset: number;
  /** False when this request went over the limit (answer 429). */
  readonly allowed: boolean;
}

interface Window {
  start: number;
  used: number;
}

/** Counts requests per family in windows of `windowSeconds`, aligned to the epoch. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  /** Counts one request of `family` at `nowMs` and says whether it may proceed. */
  take(family: string, nowMs: number): RateLimitStatus {
    const window = this.windowAt(family, nowMs);
    const allowed = window.used < this.limit;
    if (allowed) window.used += 1;
    return this.status(window, allowed);
  }

  /** The family's status at `nowMs` without counting a request. */
  peek(family: string, nowMs: number): RateLimitStatus {
    return this.status(this.windowAt(family, nowMs), true);
  }

  /** Forgets every window (used by reset). */
  clear(): void {
    this.windows.clear();
  }

  private windowAt(family: string, nowMs: number): Window {
    const size = this.windowSeconds * 1000;
    const start = Math.floor(nowMs / size) * size;
    let window = this.windows.get(family);
    if (!window || window.start !== start) {
      window = { start, used: 0 };
      this.windows.set(family, window);
    }
    return window;
  }

  private status(window: Window, allowed: boolean): RateLimitStatus {
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.used),
      reset: Math.ceil((window.start + this.windowSeconds * 1000) / 1000),
      allowed,
    };
  }
}
