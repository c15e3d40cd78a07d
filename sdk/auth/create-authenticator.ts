// Picks the authenticator for a resolved auth configuration.
import type { Clock } from "../http/clock";
import type { OktaEventListener } from "../http/okta-event";
import type { RequestExecutor } from "../http/request-executor";
import { DEFAULT_SCOPES, type OktaAuthConfig } from "./auth-config";
import type { Authenticator } from "./authenticator";
import { loadPrivateKey } from "./load-private-key";
import { OAuthAuthenticator } from "./oauth-authenticator";
import { staticTokenAuthenticator } from "./static-token-authenticator";

/** What an OAuth authenticator needs from the client. */
export interface AuthenticatorDeps {
  /** The org, without a trailing slash. */
  orgUrl: string;
  /** The client's executor, for token requests. */
  executor: RequestExecutor;
  /** The client's clock. */
  clock: Clock;
  /** The client's event listener. */
  onEvent: OktaEventListener;
}

/** The authenticator for `auth`: SSWS, Bearer, or OAuth service app (loading its key now). */
export function createAuthenticator(auth: OktaAuthConfig, deps: AuthenticatorDeps): Authenticator {
  switch (auth.method) {
    case "apiToken":
      return staticTokenAuthenticator("apiToken", auth.apiToken);
    case "accessToken":
      return staticTokenAuthenticator("accessToken", auth.accessToken);
    case "privateKey":
      return new OAuthAuthenticator({
        ...deps,
        clientId: auth.clientId,
        privateKey: loadPrivateKey(auth.privateKey),
        privateKeyId: auth.privateKeyId,
        scopes: auth.scopes && auth.scopes.length > 0 ? [...auth.scopes] : [...DEFAULT_SCOPES],
      });
    default:
      throw new TypeError(`Unknown auth method ${JSON.stringify((auth as { method?: unknown }).method)}.`);
  }
}
