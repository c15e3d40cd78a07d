// The transport contract: one HTTP exchange, any status returned, only network failures thrown.

/** One HTTP request as the transport sends it. */
export interface HttpRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Absolute URL on the org's origin. */
  url: string;
  /** Request headers; they may hold credentials, so never log them. */
  headers: Record<string, string>;
  /** Request body, already serialized. */
  body?: string;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
}

/** One HTTP response; header names are lower-case. */
export interface HttpResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers with lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Response body as text. */
  body: string;
}

/**
 * Sends one request. Resolves with the response whatever its status, and rejects only
 * when no response arrived, with an `OktaApiError` of status 0 (network failure or timeout).
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;
