// Turns okta:logLevel (1 TRACE .. 5 ERROR) into event listeners that write one line per event.
import type { OktaEvent, OktaEventListener, ResponseEvent, ResponseListener } from "./okta-event";

/** The two listeners the Okta client takes, writing at the chosen level. */
export interface LogLevelListeners {
  /** Retries, rate-limit pauses and tokens: written at level 3 (INFO) and below. */
  onEvent: OktaEventListener;
  /** Every HTTP exchange: written at level 2 (DEBUG) and 1 (TRACE). */
  onResponse: ResponseListener;
}

/**
 * Listeners for `okta:logLevel`, as @pulumi/okta numbers its levels: 5 ERROR and 4 WARN add
 * nothing (failures reach Pulumi as errors); 3 INFO writes retries, rate-limit pauses and
 * tokens obtained; 2 DEBUG and 1 TRACE also write one line per HTTP exchange. Lines hold the
 * method, path, status, timings and request ids, never a header, query, body or credential.
 */
export function logLevelListeners(level: number, write: (line: string) => void): LogLevelListeners {
  return {
    onEvent: level <= 3 ? (event) => write(describeEvent(event)) : () => undefined,
    onResponse: level <= 2 ? (event) => write(describeResponse(event)) : () => undefined,
  };
}

function describeEvent(e: OktaEvent): string {
  switch (e.type) {
    case "retry": {
      const code = e.errorCode ? ` ${e.errorCode}` : "";
      const id = e.requestId ? `, X-Okta-Request-Id ${e.requestId}` : "";
      return `okta: retry ${e.attempt} of ${e.method} ${e.path} in ${e.delayMs} ms (${e.reason}, HTTP ${e.status}${code}${id})`;
    }
    case "pace":
      return `okta: waiting ${e.delayMs} ms before ${e.method} ${e.path} to stay within the ${e.family} rate limit (${e.remaining} left)`;
    case "token":
      return `okta: obtained a${e.dpop ? " DPoP-bound" : ""} access token for ${e.scopes.join(" ")}, valid ${e.expiresInSeconds} s`;
  }
}

function describeResponse(e: ResponseEvent): string {
  const outcome = e.status === 0 ? `no response (${e.errorCode ?? "network error"})` : `HTTP ${e.status}`;
  const retry = e.retries > 0 ? ` (retry ${e.retries})` : "";
  const id = e.requestId ? `, X-Okta-Request-Id ${e.requestId}` : "";
  return `okta: ${e.method} ${e.path}${retry} -> ${outcome} in ${e.durationMs} ms${id}`;
}
