// The request log the test controls expose: what was asked, what was answered, which faults.
import type { FaultKind } from "./fault-injector";

/** One logged API request. Authorization values are never logged. */
export interface RequestLogEntry {
  /** Position in the log; grows across clears, so `?since=` stays meaningful. */
  readonly index: number;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  /** HTTP status sent; 0 when the connection was reset; null while still in flight. */
  status: number | null;
  /** ISO time (emulator clock) when the request arrived. */
  readonly time: string;
  readonly requestId: string;
  /** The endpoint family used for rate limiting. */
  readonly family: string;
  /** Set when a fault was injected into this request. */
  fault?: FaultKind;
  /** The X-Okta-Retry-For header, when a client marked the request as a retry. */
  readonly retryFor?: string;
  /** The X-Okta-Retry-Count header, when present. */
  readonly retryCount?: string;
}

/** Keeps entries in arrival order; each gets the next index when it arrives. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextIndex = 0;
  private readonly waiters = new Map<number, ((entry: RequestLogEntry) => void)[]>();
  private arrivals: ((entry: RequestLogEntry) => void)[] = [];

  /** Records an arriving request; fill in `status` when it is answered. */
  start(entry: Omit<RequestLogEntry, "index" | "status">): RequestLogEntry {
    const logged: RequestLogEntry = { ...entry, index: this.nextIndex, status: null };
    this.nextIndex += 1;
    this.entries.push(logged);
    const arrivals = this.arrivals;
    this.arrivals = [];
    for (const wake of arrivals) wake({ ...logged });
    return logged;
  }

  /** Resolves when the next API request arrives (before it is answered). */
  nextArrival(): Promise<RequestLogEntry> {
    return new Promise((resolve) => this.arrivals.push(resolve));
  }

  /** Sets the status of an answered (or reset) request and wakes whoever waits for it. */
  finish(entry: RequestLogEntry, status: number): void {
    entry.status = status;
    for (const wake of this.waiters.get(entry.index) ?? []) wake({ ...entry });
    this.waiters.delete(entry.index);
  }

  /** Resolves once the request with this index has been answered (or reset). */
  settled(index: number): Promise<RequestLogEntry> {
    const entry = this.entries.find((candidate) => candidate.index === index);
    if (entry && entry.status !== null) return Promise.resolve({ ...entry });
    return new Promise((resolve) => this.waiters.set(index, [...(this.waiters.get(index) ?? []), resolve]));
  }

  /** Entries with `index >= since` (all by default), oldest first. */
  list(since = 0): RequestLogEntry[] {
    return this.entries.filter((entry) => entry.index >= since).map((entry) => ({ ...entry }));
  }

  /** Empties the log; indexes keep counting up. */
  clear(): void {
    this.entries = [];
  }
}
