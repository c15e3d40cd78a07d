// The contract between the client and a credential: headers per request, and 401 handling.
import type { OktaAuthMethod } from "../errors";
import type { HttpResponse } from "../http/http-transport";

/** Supplies credentials for each request. Implementations keep secrets in closures or #private fields. */
export interface Authenticator {
  /** Which kind of credential this is, for error advice. */
  readonly method: OktaAuthMethod;
  /** The headers (Authorization, and DPoP when bound) for one attempt of `method url`. */
  headersFor(method: string, url: string): Promise<Record<string, string>>;
  /**
   * Called with a 401 response. Returns true when sending the request once more can succeed
   * (a DPoP nonce was supplied); otherwise drops any cached token and returns false.
   */
  retryAfterUnauthorized(response: HttpResponse): boolean;
}
