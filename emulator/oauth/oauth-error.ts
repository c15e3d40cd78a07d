// OAuth 2.0 error answers ({"error","error_description"}), as Okta's token endpoint sends them.

/** An error the token endpoint answers in OAuth form rather than Okta's error body. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${error}: ${description}`);
    this.name = "OAuthError";
  }

  /** The JSON body: `{ error, error_description }`. */
  toBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** 401 invalid_client: the client could not be authenticated. */
export function invalidClient(description: string): OAuthError {
  return new OAuthError(401, "invalid_client", description);
}

/** 400 invalid_request: a missing or malformed parameter. */
export function invalidRequest(description: string): OAuthError {
  return new OAuthError(400, "invalid_request", description);
}
