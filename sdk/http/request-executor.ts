// Sends one logical request: paces it, retries what is retryable, and reports what it does.
import { OktaApiError } from "../errors";
import { backoffDelayMs } from "./backoff-delay";
import type { Clock } from "./clock";
import type { HttpResponse, HttpTransport } from "./http-transport";
import { emitEvent, type OktaEventListener, type ResponseListener, type RetryEvent } from "./okta-event";
import { rateLimitResetDelayMs } from "./rate-limit-delay";
import type { RateLimitPacer } from "./rate-limit-pacer";
import { retryReasonForError, retryReasonForResponse } from "./retry-reason";

/** Headers and body made afresh for each attempt (new proofs, new client assertions). */
export interface PreparedAttempt {
  /** Extra headers, such as Authorization and DPoP. */
  headers?: Record<string, string>;
  /** The body, when it must differ per attempt. */
  body?: string;
}

/** One logical request. */
export interface ExecutorRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Absolute URL, already checked to be on the org's origin. */
  url: string;
  /** Fixed headers. */
  headers?: Record<string, string>;
  /** Fixed body. */
  body?: string;
  /** Called before every attempt; its headers and body win over the fixed ones. */
  prepare?: () => Promise<PreparedAttempt>;
}

/** The final response and how many retries it took. */
export interface ExecutorResponse extends HttpResponse {
  /** Retries made before this response. */
  retries: number;
}

/** Everything the executor needs; all of it resolved. */
export interface RequestExecutorOptions {
  /** Sends one HTTP exchange. */
  transport: HttpTransport;
  /** Time, sleep and jitter. */
  clock: Clock;
  /** The org's shared rate-limit pacer. */
  pacer: RateLimitPacer;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** `false`: retry only 429s (after the reset); everything else is final at once. */
  backoff: boolean;
  /** Percentage of each rate-limit bucket to use, passed to the pacer. */
  maxApiCapacity: number;
  /** Per-attempt timeout. */
  requestTimeoutMs: number;
  /** First backoff ceiling. */
  retryBaseDelayMs: number;
  /** Largest backoff ceiling. */
  retryMaxDelayMs: number;
  /** Receives retry and pace events. */
  onEvent: OktaEventListener;
  /** Receives one event per HTTP exchange, for debug logs. */
  onResponse: ResponseListener;
  /** Sent as `User-Agent`. */
  userAgent: string;
  /** Once aborted, nothing more is sent: each attempt rejects with its `reason` just before it would go out. */
  signal: AbortSignal;
}

/** Sends requests with pacing and retries; resolves with any final response, rejects only on network failure. */
export class RequestExecutor {
  readonly #o: RequestExecutorOptions;

  /** Creates an executor from resolved options. */
  constructor(options: RequestExecutorOptions) {
    this.#o = options;
  }

  /**
   * Sends the request, retrying 429, 5xx, E0000268, resets and timeouts (only 429 without
   * `backoff`) up to `maxRetries` times, with `X-Okta-Retry-For`/`X-Okta-Retry-Count` on each retry. Returns the last response
   * (success or not); throws an {@link OktaApiError} of status 0 if the last attempt got none.
   * Once `signal` is aborted it rejects with the signal's reason instead of sending (checked
   * right before every attempt, after any pacing or backoff wait).
   */
  async send(request: ExecutorRequest): Promise<ExecutorResponse> {
    const { transport, clock, pacer, maxRetries } = this.#o;
    const path = new URL(request.url).pathname;
    let firstRequestId: string | undefined;
    for (let retries = 0; ; retries++) {
      await this.#pace(request.method, path);
      const prepared = request.prepare ? await request.prepare() : {};
      const headers: Record<string, string> = {
        Accept: "application/json",
        "User-Agent": this.#o.userAgent,
        ...request.headers,
        ...prepared.headers,
      };
      if (retries > 0) {
        if (firstRequestId) headers["X-Okta-Retry-For"] = firstRequestId;
        headers["X-Okta-Retry-Count"] = String(retries);
      }
      // The last check before the wire: waits above may have outlived the caller's interest.
      this.#o.signal.throwIfAborted();
      let response: HttpResponse;
      const sentAt = clock.now();
      const exchange = { type: "response", method: request.method, path, retries } as const;
      try {
        response = await transport({
          method: request.method,
          url: request.url,
          headers,
          body: prepared.body ?? request.body,
          timeoutMs: this.#o.requestTimeoutMs,
        });
      } catch (error) {
        const failure = asNetworkError(error, request.method, path);
        emitEvent(this.#o.onResponse, { ...exchange, status: 0, durationMs: clock.now() - sentAt, errorCode: failure.errorCode });
        const reason = this.#o.backoff ? retryReasonForError(failure) : undefined;
        if (!reason || retries >= maxRetries) throw withRetries(failure, retries, new URL(request.url).origin);
        await this.#wait({ type: "retry", method: request.method, path, attempt: retries + 1, reason, status: 0, errorCode: failure.errorCode });
        continue;
      }
      pacer.observe(path, response.headers, clock.now());
      const requestId = response.headers["x-okta-request-id"];
      emitEvent(this.#o.onResponse, { ...exchange, status: response.status, durationMs: clock.now() - sentAt, requestId });
      firstRequestId ??= requestId;
      const retryable = retryReasonForResponse(response);
      const reason = this.#o.backoff || retryable === "rate-limited" ? retryable : undefined;
      if (!reason || retries >= maxRetries) return { ...response, retries };
      let resetDelay = reason === "rate-limited" ? rateLimitResetDelayMs(response.headers) : undefined;
      // Without backoff a 429 missing its reset headers waits the first backoff step, never longer.
      if (!this.#o.backoff) resetDelay ??= this.#o.retryBaseDelayMs;
      const status = response.status;
      const retry = { type: "retry", method: request.method, path, attempt: retries + 1, reason, status, requestId } as const;
      await this.#wait(retry, resetDelay);
    }
  }

  async #pace(method: string, path: string): Promise<void> {
    for (;;) {
      const { family, delayMs, remaining, claimed } = this.#o.pacer.reserve(path, this.#o.clock.now(), this.#o.maxApiCapacity);
      if (delayMs > 0) {
        emitEvent(this.#o.onEvent, { type: "pace", method, path, family, delayMs, remaining });
        await this.#o.clock.sleep(delayMs);
      }
      if (claimed) return;
    }
  }

  async #wait(event: Omit<RetryEvent, "delayMs">, exactDelayMs?: number): Promise<void> {
    const o = this.#o;
    const delayMs = exactDelayMs ?? backoffDelayMs(event.attempt, o.retryBaseDelayMs, o.retryMaxDelayMs, o.clock.random);
    emitEvent(o.onEvent, { ...event, delayMs });
    await o.clock.sleep(delayMs);
  }
}

/** A transport rejection as an OktaApiError; foreign errors keep only their name, code and message. */
function asNetworkError(error: unknown, method: string, path: string): OktaApiError {
  if (error instanceof OktaApiError) return error;
  const source = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const cause = new Error(typeof source.message === "string" ? source.message : "transport failure");
  cause.name = typeof source.name === "string" ? source.name : "Error";
  const code = typeof source.code === "string" ? source.code : "ENETWORK";
  return new OktaApiError({ status: 0, method, path, errorCode: code, errorSummary: cause.message, cause });
}

function withRetries(error: OktaApiError, retries: number, orgUrl: string): OktaApiError {
  if (retries === 0) return error;
  return new OktaApiError({
    status: error.status,
    method: error.method,
    path: error.path,
    errorCode: error.errorCode,
    errorSummary: error.errorSummary,
    errorId: error.errorId,
    errorCauses: error.errorCauses,
    requestId: error.requestId,
    retries,
    orgUrl,
    cause: error.cause,
  });
}
