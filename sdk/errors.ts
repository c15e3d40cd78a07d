// The one error type the client throws for anything Okta (or the network on the way) refused.
import { describeOktaError } from "./error-advice";
import type { OktaApiErrorInit, OktaErrorCause } from "./okta-api-error-init";

export type { OktaApiErrorInit, OktaAuthMethod, OktaErrorCause } from "./okta-api-error-init";

/**
 * A failed Okta call. `status` 0 means no usable HTTP response. The message says what
 * happened and what to do; no property ever holds a credential.
 */
export class OktaApiError extends Error {
  /** HTTP status; 0 when no usable HTTP response arrived. */
  readonly status: number;
  /** Okta's `errorCode`, the OAuth `error`, or a network error code. */
  readonly errorCode: string | undefined;
  /** Okta's `errorSummary` or the OAuth `error_description`. */
  readonly errorSummary: string | undefined;
  /** Okta's `errorId`. */
  readonly errorId: string | undefined;
  /** Okta's `errorCauses` (empty when none). */
  readonly errorCauses: OktaErrorCause[];
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Request path, without host or query. */
  readonly path: string;
  /** `X-Okta-Request-Id` of the failed response. */
  readonly requestId: string | undefined;
  /** How many retries were made before giving up. */
  readonly retries: number;

  /** Builds the error and its advice-bearing message from what is known about the failure. */
  constructor(init: OktaApiErrorInit) {
    super(describeOktaError(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "OktaApiError";
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorSummary = init.errorSummary;
    this.errorId = init.errorId;
    this.errorCauses = init.errorCauses ?? [];
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.retries = init.retries ?? 0;
  }

  /** A plain copy for logs and JSON; it holds nothing secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorId: this.errorId,
      errorCauses: this.errorCauses,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      retries: this.retries,
    };
  }
}

/** True for an {@link OktaApiError} with the given status (and errorCode, when given). */
export function isOktaApiError(error: unknown, status?: number, errorCode?: string): error is OktaApiError {
  return (
    error instanceof OktaApiError &&
    (status === undefined || error.status === status) &&
    (errorCode === undefined || error.errorCode === errorCode)
  );
}
