// A tiny fetch wrapper for emulator tests: one call, status + headers + parsed JSON.

/** A response with its JSON body parsed (undefined when empty). */
export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index freely into Okta JSON
  body: any;
}

/** Calls the emulator; `headers` override the bound Authorization. */
export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

/** An Api bound to a base URL and an Authorization value (default: the emulator's SSWS token; null sends none). */
export function apiFor(baseUrl: string, auth: string | null = "SSWS emulator-token"): Api {
  return async (method, path, body, headers = {}) => {
    const sent: Record<string, string> = { accept: "application/json", ...(auth === null ? {} : { authorization: auth }), ...headers };
    if (body !== undefined) sent["content-type"] = "application/json";
    const response = await fetch(baseUrl + path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
  };
}

/** Fails with the response in the message unless the status is as expected. */
export function expectStatus(response: ApiResponse, status: number): ApiResponse {
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}
