// Authenticates with a fixed token: `SSWS <apiToken>` or `Bearer <accessToken>`.
import type { Authenticator } from "./authenticator";

/** An authenticator for an API token (SSWS) or a pre-issued access token (Bearer). */
export function staticTokenAuthenticator(method: "apiToken" | "accessToken", token: string): Authenticator {
  const authorization = `${method === "apiToken" ? "SSWS" : "Bearer"} ${token}`;
  return {
    method,
    headersFor: async () => ({ Authorization: authorization }),
    retryAfterUnauthorized: () => false,
  };
}
