// The default transport: axios, with every axios error converted here and nowhere else.
import axios, { type AxiosInstance } from "axios";
import { OktaApiError } from "../errors";
import type { HttpRequest, HttpResponse, HttpTransport } from "./http-transport";

/**
 * Creates a transport on an axios instance. It never follows redirects (credentials stay
 * on the org) and returns every HTTP status; only network failures reject.
 */
export function createAxiosTransport(instance: AxiosInstance = axios.create()): HttpTransport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    try {
      const response = await instance.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        data: request.body,
        timeout: request.timeoutMs,
        responseType: "text",
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
        transitional: { clarifyTimeoutError: true },
      });
      return {
        status: response.status,
        headers: lowerCaseHeaders(response.headers as Record<string, unknown>),
        body: typeof response.data === "string" ? response.data : "",
      };
    } catch (error) {
      throw networkError(error, request);
    }
  };
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/**
 * The one conversion of an axios error. The cause keeps only name, code and message:
 * axios' `config` and `request` (which hold the Authorization header) are dropped.
 */
function networkError(error: unknown, request: HttpRequest): OktaApiError {
  const source = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof source.code === "string" ? source.code : "ENETWORK";
  const message = typeof source.message === "string" ? source.message : "network error";
  const cause = new Error(message);
  cause.name = typeof source.name === "string" ? source.name : "Error";
  (cause as Error & { code: string }).code = code;
  const url = new URL(request.url);
  return new OktaApiError({
    status: 0,
    method: request.method,
    path: url.pathname,
    errorCode: code,
    errorSummary: message,
    orgUrl: url.origin,
    cause,
  });
}
