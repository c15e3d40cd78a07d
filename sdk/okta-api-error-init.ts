// What is known about a failed Okta call: the fields an OktaApiError and its message are built from.

/** Which credential the client used; lets error messages name the right config keys. */
export type OktaAuthMethod = "apiToken" | "accessToken" | "privateKey";

/** One entry of Okta's `errorCauses`. */
export interface OktaErrorCause {
  /** Okta's explanation of this cause. */
  errorSummary?: string;
  [key: string]: unknown;
}

/** Everything known about a failed call; the message is derived from it. */
export interface OktaApiErrorInit {
  /** HTTP status; 0 when no usable HTTP response arrived (network failure, timeout, refused link). */
  status: number;
  /** HTTP method of the failed request. */
  method: string;
  /** Request path without host or query string. */
  path: string;
  /** Okta's `errorCode` (E0000…), the OAuth `error`, or a network code such as `ECONNRESET`. */
  errorCode?: string;
  /** Okta's `errorSummary` or the OAuth `error_description`. */
  errorSummary?: string;
  /** Okta's `errorId` (`oae…`), to quote to Okta support. */
  errorId?: string;
  /** Okta's `errorCauses`. */
  errorCauses?: OktaErrorCause[];
  /** The `X-Okta-Request-Id` of the failed response. */
  requestId?: string;
  /** How many times the request was retried before giving up. */
  retries?: number;
  /** The credential kind in use, for advice in the message. */
  authMethod?: OktaAuthMethod;
  /** The org the request went to (`https://…`), for advice in the message. */
  orgUrl?: string;
  /** A sanitized underlying error (never an axios error with its config). */
  cause?: unknown;
}
