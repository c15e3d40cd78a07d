// Events the client reports (retries, pacing, tokens); none ever carries a credential.

/** Why a request is being sent again. */
export type RetryReason = "rate-limited" | "server-error" | "network-error" | "timeout" | "concurrent-change" | "dpop-nonce";

/** A request failed in a way worth retrying; the client waits `delayMs` and sends it again. */
export interface RetryEvent {
  /** Event kind. */
  type: "retry";
  /** HTTP method. */
  method: string;
  /** Request path, no host or query. */
  path: string;
  /** Which retry this is (1 for the first retry). */
  attempt: number;
  /** How long the client waits before it. */
  delayMs: number;
  /** Why it retries. */
  reason: RetryReason;
  /** Status of the failed attempt; 0 for network failures. */
  status: number;
  /** Okta's errorCode or the network error code, when known. */
  errorCode?: string;
  /** `X-Okta-Request-Id` of the failed attempt, when known. */
  requestId?: string;
}

/** The rate-limit pacer holds a request back so the org's budget lasts until the reset. */
export interface PaceEvent {
  /** Event kind. */
  type: "pace";
  /** HTTP method. */
  method: string;
  /** Request path, no host or query. */
  path: string;
  /** The rate-limit family being paced. */
  family: string;
  /** How long the request waits. */
  delayMs: number;
  /** Requests left in the window, as last reported by Okta. */
  remaining: number;
}

/** The client obtained an OAuth access token. */
export interface TokenEvent {
  /** Event kind. */
  type: "token";
  /** Whether the token is DPoP-bound. */
  dpop: boolean;
  /** Lifetime Okta granted, in seconds. */
  expiresInSeconds: number;
  /** Scopes requested. */
  scopes: string[];
}

/**
 * One HTTP exchange, for debug logs (`onResponse`, not `onEvent`). It holds no header, query or
 * body, so no credential.
 */
export interface ResponseEvent {
  /** Event kind. */
  type: "response";
  /** HTTP method. */
  method: string;
  /** Request path, no host or query. */
  path: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** Retries made before this attempt (0 for the first attempt). */
  retries: number;
  /** Time from sending to the answer (or the failure), in ms. */
  durationMs: number;
  /** `X-Okta-Request-Id` of the response, when known. */
  requestId?: string;
  /** The network error code when no response arrived. */
  errorCode?: string;
}

/** Receives one {@link ResponseEvent} per HTTP exchange; it must not throw (if it does, the error is ignored). */
export type ResponseListener = (event: ResponseEvent) => void;

/** Anything the client reports through `onEvent`. */
export type OktaEvent = RetryEvent | PaceEvent | TokenEvent;

/** Receives client events; it must not throw (if it does, the error is ignored). */
export type OktaEventListener = (event: OktaEvent) => void;

/** Calls the listener, swallowing its errors so that logging can never break a request. */
export function emitEvent<E>(listener: (event: E) => void, event: E): void {
  try {
    listener(event);
  } catch {
    // A broken logger must not fail the operation.
  }
}
