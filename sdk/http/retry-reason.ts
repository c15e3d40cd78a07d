// Decides which failures are worth sending again, and which never are.
import { OktaApiError } from "../errors";
import type { RetryReason } from "./okta-event";
import type { HttpResponse } from "./http-transport";
import { parseErrorBody } from "./response-error";

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT"]);
const NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "EAI_AGAIN", "ERR_SOCKET_CONNECTION_TIMEOUT"]);

/**
 * Why a response should be retried: 429, 5xx (but not 501), or 409 E0000268 (a concurrent
 * role change). Anything else, notably 400, 401, 403 and 404, is final.
 */
export function retryReasonForResponse(response: HttpResponse): RetryReason | undefined {
  const s = response.status;
  if (s === 429) return "rate-limited";
  if (s >= 500 && s !== 501) return "server-error";
  if (s === 409 && parseErrorBody(response.body).errorCode === "E0000268") return "concurrent-change";
  return undefined;
}

/** Why a transport failure should be retried: connection resets and timeouts; not DNS or refusals. */
export function retryReasonForError(error: unknown): RetryReason | undefined {
  if (!(error instanceof OktaApiError) || error.status !== 0 || !error.errorCode) return undefined;
  if (TIMEOUT_CODES.has(error.errorCode)) return "timeout";
  if (NETWORK_CODES.has(error.errorCode)) return "network-error";
  return undefined;
}
