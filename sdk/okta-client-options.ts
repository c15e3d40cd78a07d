// The client's options and their defaults, resolved once.
import type { OktaAuthConfig } from "./auth/auth-config";
import axios from "axios";
import { createAxiosTransport } from "./http/axios-transport";
import { systemClock } from "./http/clock";
import type { HttpTransport } from "./http/http-transport";
import type { OktaEventListener, ResponseListener } from "./http/okta-event";
import { proxyAxiosConfig } from "./http/proxy-axios-config";
import { MAX_PAGES } from "./http/paginate";
import { pacerForOrg, type RateLimitPacer } from "./http/rate-limit-pacer";

/** Options for {@link OktaClient}. `resolveOktaConfig(...)` returns the first two. */
export interface OktaClientOptions {
  /** The org, such as `https://dev-123.okta.com` or `http://127.0.0.1:8080` (emulator). */
  orgUrl: string;
  /** How to authenticate. */
  auth: OktaAuthConfig;
  /** Retries after the first attempt for 429, 5xx, E0000268, resets and timeouts. Default 5. */
  maxRetries?: number;
  /** Timeout of each attempt in ms; 0 means no limit. Default 30000. */
  requestTimeoutMs?: number;
  /** First backoff ceiling in ms (doubles per retry). Default 1000. */
  retryBaseDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 30000. */
  retryMaxDelayMs?: number;
  /**
   * Whether to retry with backoff (`okta:backoff`). `false` retries only 429s, after the
   * rate-limit reset; 5xx, E0000268, resets and timeouts then fail at once. Default true.
   */
  backoff?: boolean;
  /**
   * Percentage (1..100) of each rate-limit bucket this client may use (`okta:maxApiCapacity`);
   * the pacer waits for the reset once that share is spent. Default 100.
   */
  maxApiCapacity?: number;
  /**
   * Proxy for every request, token requests included (`okta:httpProxy`): `http://host:port`
   * or `https://host:port`, optionally with `user:password@`. An http org is reached through it
   * as a forward proxy; an https org through an HTTP CONNECT tunnel. Ignored when `transport`
   * is given. Default: none (axios then honours the usual proxy environment variables).
   */
  httpProxy?: string;
  /**
   * Most pages one listing may take (`rel="next"` links followed) before it rejects with an
   * `OktaApiError`, so a chain of next links that never ends stops. Default {@link MAX_PAGES}
   * (10,000 pages: 2,000,000 items at the 200 a page the client asks for).
   */
  maxPages?: number;
  /** Current time in ms. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms` milliseconds. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Random number in [0, 1) for jitter. Default `Math.random`. */
  random?: () => number;
  /** Sends HTTP. Default: axios, no redirects. */
  transport?: HttpTransport;
  /** Rate-limit pacer. Default: the process-wide pacer of this org. */
  pacer?: RateLimitPacer;
  /** Receives retry, pace and token events (never secrets). Default: ignore. */
  onEvent?: OktaEventListener;
  /** Receives one event per HTTP exchange (method, path, status, time; never secrets), for debug logs. Default: ignore. */
  onResponse?: ResponseListener;
  /** `User-Agent` header. Default `pulumi-okta-role-targets`. */
  userAgent?: string;
  /**
   * Stops the client for good once aborted: every request not yet sent (token requests and
   * retries included) then rejects with the signal's `reason` instead of being sent. A request
   * already on the wire is left to finish. Default: never aborted.
   */
  signal?: AbortSignal;
}

/** Fills in every default and normalizes `orgUrl` to its origin. */
export function resolveClientOptions(options: OktaClientOptions): Required<OktaClientOptions> {
  const org = new URL(options.orgUrl);
  if (org.protocol !== "https:" && org.protocol !== "http:") {
    throw new TypeError("orgUrl must be an http(s) URL, such as https://dev-123.okta.com.");
  }
  const orgUrl = org.origin;
  return {
    orgUrl,
    auth: options.auth,
    maxRetries: nonNegative(options.maxRetries, 5),
    requestTimeoutMs: nonNegative(options.requestTimeoutMs, 30_000),
    retryBaseDelayMs: nonNegative(options.retryBaseDelayMs, 1_000),
    retryMaxDelayMs: nonNegative(options.retryMaxDelayMs, 30_000),
    backoff: options.backoff ?? true,
    maxApiCapacity: capacity(options.maxApiCapacity),
    httpProxy: options.httpProxy ?? "",
    maxPages: pageCap(options.maxPages),
    now: options.now ?? systemClock.now,
    sleep: options.sleep ?? systemClock.sleep,
    random: options.random ?? systemClock.random,
    transport: options.transport ?? createAxiosTransport(axios.create(proxyAxiosConfig(orgUrl, options.httpProxy))),
    pacer: options.pacer ?? pacerForOrg(orgUrl),
    onEvent: options.onEvent ?? (() => undefined),
    onResponse: options.onResponse ?? (() => undefined),
    userAgent: options.userAgent ?? "pulumi-okta-role-targets",
    signal: options.signal ?? new AbortController().signal,
  };
}

function capacity(value: number | undefined): number {
  if (value === undefined) return 100;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new RangeError(`maxApiCapacity must be a whole number from 1 to 100; got ${value}`);
  }
  return value;
}

function pageCap(value: number | undefined): number {
  if (value === undefined) return MAX_PAGES;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`maxPages must be a whole number of 1 or more; got ${value}`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
