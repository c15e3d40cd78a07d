// Okta's error body and the errors the emulator raises, one factory per Okta error code.
import { newErrorId } from "../domain/ids";

/** Okta's error body: errorLink repeats errorCode; errorId is "oae" + 22 characters. */
export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** An error a route handler throws; the server renders it as Okta's error body. */
export class OktaError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: readonly string[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${errorCode}: ${errorSummary}`);
    this.name = "OktaError";
  }

  /** The JSON body Okta sends for this error, with a fresh error id. */
  toBody(): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId: newErrorId(),
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

/** 400 E0000001: bad input. `field` names what failed; `causes` say why. */
export function validationFailed(field: string, ...causes: string[]): OktaError {
  return new OktaError(400, "E0000001", `Api validation failed: ${field}`, causes);
}

/** 400 E0000003: the body is not JSON (or not the JSON the endpoint takes). */
export function malformedBody(): OktaError {
  return new OktaError(400, "E0000003", "The request body was not well-formed.");
}

/** 404 E0000007 with Okta's wording: `Not found: Resource not found: {id} ({Type})`. */
export function notFound(id: string, type: string): OktaError {
  return new OktaError(404, "E0000007", `Not found: Resource not found: ${id} (${type})`);
}

/** 400 E0000091: a target of the wrong kind for the role. */
export function roleTypeMismatch(): OktaError {
  return new OktaError(400, "E0000091", "The provided role type was not the same as required role type.");
}

/** 409 E0000090: the principal already holds this role type. */
export function roleAlreadyAssigned(): OktaError {
  return new OktaError(409, "E0000090", "The role specified is already assigned to the user.");
}

/** 400 E0000227: only OAuth service apps can hold admin roles. */
export function notAServiceApp(): OktaError {
  return new OktaError(400, "E0000227", "Admin roles can only be assigned to service applications.");
}

/** 409 E0000268: a concurrent change (retryable); used by fault injection. */
export function concurrentRoleChange(): OktaError {
  return new OktaError(409, "E0000268", "Another request is making changes to the role assignments. Please try again.");
}

/** 401 E0000011: an unknown, expired or malformed token. */
export function invalidToken(headers: Record<string, string> = {}): OktaError {
  return new OktaError(401, "E0000011", "Invalid token provided", [], headers);
}

/** 403 E0000005: no Authorization header at all. */
export function invalidSession(): OktaError {
  return new OktaError(403, "E0000005", "Invalid session");
}

/** 403 E0000006: the token lacks the scope (or the app lacks the right). */
export function permissionDenied(headers: Record<string, string> = {}): OktaError {
  return new OktaError(403, "E0000006", "You do not have permission to perform the requested action", [], headers);
}

/** 429 E0000047: the rate-limit window of the endpoint family is spent. */
export function rateLimited(): OktaError {
  return new OktaError(429, "E0000047", "API call exceeded rate limit due to too many requests.");
}

/** 500 E0000009: an internal error (also injected by the `500` fault). */
export function internalError(): OktaError {
  return new OktaError(500, "E0000009", "Internal Server Error");
}

/** 503 E0000010: the service is unavailable (injected by the `503` fault). */
export function serviceUnavailable(): OktaError {
  return new OktaError(503, "E0000010", "Service is in read only mode");
}

/** 403 E0000056: deleting an app that is still active. */
export function deleteActiveAppForbidden(): OktaError {
  return new OktaError(403, "E0000056", "Delete application forbidden.");
}
