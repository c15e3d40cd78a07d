// Turns the client's pacing and retry events into short lines for the person watching `pulumi up`.
import type { OktaEvent, PaceEvent, RetryEvent } from "../sdk/http/okta-event";

/** Waits shorter than this (ms) are not worth a line. */
export const PROGRESS_THRESHOLD_MS = 2_000;

/** The same request is reported again only after this long (ms), unless it moves to a new attempt. */
export const PROGRESS_REPEAT_AFTER_MS = 10_000;

/** How {@link progressMessage} words its lines. */
export interface ProgressWording {
  /** Retries after the first attempt (the client's `maxRetries`), for "attempt 2 of 6". Omit to leave out "of N". */
  maxRetries?: number;
  /** Only waits of at least this many ms are reported. Default {@link PROGRESS_THRESHOLD_MS}. */
  thresholdMs?: number;
}

/** `12 s`, `2 min 5 s`: whole seconds, rounded up, so a 1.2 s wait never reads "1 s". */
function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
}

/** `METHOD /path`, never a query string (where a secret could hide) or a host. */
function request(e: { method: string; path: string }): string {
  const path = e.path.split(/[?#]/)[0];
  return `${e.method.toUpperCase()} ${path}`;
}

function retryLine(e: RetryEvent, wording: ProgressWording): string {
  const on = request(e);
  const why: Record<RetryEvent["reason"], string> = {
    "rate-limited": `for Okta's rate limit (${e.status || 429} on ${on})`,
    "server-error": `after an Okta server error (HTTP ${e.status} on ${on})`,
    "network-error": `after a network error (${e.errorCode ?? "connection failed"} on ${on})`,
    timeout: `after a timeout (${on})`,
    "concurrent-change": `while another request changes the same role assignments (${e.status} ${e.errorCode ?? ""} on ${on})`.replace(" )", ")"),
    "dpop-nonce": `for a new DPoP nonce (${on})`,
  };
  const of = wording.maxRetries === undefined ? "" : ` of ${wording.maxRetries + 1}`;
  return `waiting ${seconds(e.delayMs)} ${why[e.reason]}, then attempt ${e.attempt + 1}${of}`;
}

function paceLine(e: PaceEvent): string {
  return `waiting ${seconds(e.delayMs)} to stay within Okta's rate limit (${request(e)}; ${e.remaining} requests left in this window)`;
}

/**
 * The line to show for one client event, or `undefined` when it is not worth
 * showing (token events, and waits under the threshold). Lines name the method
 * and path (ids included) and never a credential or query string.
 */
export function progressMessage(event: OktaEvent, wording: ProgressWording = {}): string | undefined {
  if (event.type === "token") return undefined;
  if (event.delayMs < (wording.thresholdMs ?? PROGRESS_THRESHOLD_MS)) return undefined;
  return event.type === "retry" ? retryLine(event, wording) : paceLine(event);
}

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions extends ProgressWording {
  /** Current time in ms (inject a fake clock in tests). */
  now: () => number;
  /** Report the same request again only after this long, unless its attempt grew. Default {@link PROGRESS_REPEAT_AFTER_MS}. */
  repeatAfterMs?: number;
}

/**
 * A stateful filter over {@link progressMessage}: per request (method and path),
 * a line is shown when the request first waits long enough, again when it moves
 * on to a later attempt, and otherwise at most once per `repeatAfterMs`. Use one
 * reporter per binding operation so each binding speaks for its own requests.
 */
export function createProgressReporter(options: ProgressReporterOptions): (event: OktaEvent) => string | undefined {
  const repeatAfter = options.repeatAfterMs ?? PROGRESS_REPEAT_AFTER_MS;
  const last = new Map<string, { at: number; attempt: number }>();
  return (event) => {
    const line = progressMessage(event, options);
    if (line === undefined || event.type === "token") return undefined;
    const key = request(event);
    const attempt = event.type === "retry" ? event.attempt : 0;
    const now = options.now();
    const seen = last.get(key);
    if (seen && attempt <= seen.attempt && now - seen.at < repeatAfter) return undefined;
    last.set(key, { at: now, attempt: Math.max(attempt, seen?.attempt ?? 0) });
    return line;
  };
}
