// Reads Okta and OAuth error bodies and turns a failed HTTP response into an OktaApiError.
import { OktaApiError, type OktaAuthMethod, type OktaErrorCause } from "../errors";
import type { HttpResponse } from "./http-transport";

/** The error fields found in a response body. */
export interface ParsedErrorBody {
  /** Okta's `errorCode`, or the OAuth `error`. */
  errorCode?: string;
  /** Okta's `errorSummary`, or the OAuth `error_description`. */
  errorSummary?: string;
  /** Okta's `errorId`. */
  errorId?: string;
  /** Okta's `errorCauses`. */
  errorCauses?: OktaErrorCause[];
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Parses an Okta error body (`errorCode`…) or an OAuth one (`error`, `error_description`); `{}` for anything else. */
export function parseErrorBody(body: string): ParsedErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {};
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const o = json as Record<string, unknown>;
  if (typeof o.errorCode === "string") {
    const causes = Array.isArray(o.errorCauses)
      ? o.errorCauses
          .filter((c): c is Record<string, unknown> => !!c && typeof c === "object")
          .map((c) => ({ errorSummary: str(c.errorSummary) }))
      : undefined;
    return { errorCode: o.errorCode, errorSummary: str(o.errorSummary), errorId: str(o.errorId), errorCauses: causes };
  }
  if (typeof o.error === "string") return { errorCode: o.error, errorSummary: str(o.error_description) };
  return {};
}

/** What the caller knows about the request that failed. */
export interface ResponseErrorContext {
  /** HTTP method. */
  method: string;
  /** The absolute URL requested; only its path is kept. */
  url: string;
  /** How many retries were made. */
  retries: number;
  /** The credential kind, for advice. */
  authMethod?: OktaAuthMethod;
}

/** Builds the {@link OktaApiError} for a non-2xx response. */
export function responseError(response: HttpResponse, context: ResponseErrorContext): OktaApiError {
  const url = new URL(context.url);
  return new OktaApiError({
    status: response.status,
    method: context.method,
    path: url.pathname,
    ...parseErrorBody(response.body),
    requestId: response.headers["x-okta-request-id"],
    retries: context.retries,
    authMethod: context.authMethod,
    orgUrl: url.origin,
  });
}
