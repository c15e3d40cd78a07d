// Checks an API request's credentials: SSWS API token (with or without a space), or an emulator-issued Bearer/DPoP token with the scope.
import type { EmulatorRuntime } from "../emulator-runtime";
import { DpopProofError, verifyDpopProof } from "../oauth/dpop-proof";
import type { AccessTokenClaims } from "../oauth/access-tokens";
import { invalidSession, invalidToken, permissionDenied } from "./okta-error";

/** The parts of a request that authentication looks at. */
export interface AuthRequest {
  readonly method: string;
  readonly orgUrl: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly dpop: string | undefined;
}

/**
 * Lets the request through or throws Okta's answer: 403 E0000005 without Authorization,
 * 401 E0000011 for a bad token or DPoP proof, 403 E0000006 when the token lacks `scope`.
 */
export async function authenticate(runtime: EmulatorRuntime, request: AuthRequest, scope: string): Promise<void> {
  if (!request.authorization) throw invalidSession();
  // Okta takes `SSWS` with or without a space before the token: Okta's Python SDK 3.x sends
  // `SSWS<token>` in its default mode and live orgs answer 200 (see emulator/README.md).
  const ssws = /^ssws */i.exec(request.authorization);
  if (ssws) {
    if (request.authorization.slice(ssws[0].length).trim() !== runtime.apiToken) throw invalidToken();
    return;
  }
  const space = request.authorization.indexOf(" ");
  const scheme = (space < 0 ? request.authorization : request.authorization.slice(0, space)).toLowerCase();
  const credential = space < 0 ? "" : request.authorization.slice(space + 1).trim();
  if (scheme !== "bearer" && scheme !== "dpop") throw invalidToken();
  const claims = await runtime.tokens.verify(credential, runtime.now());
  const challenge = (error: string, description: string): Record<string, string> => {
    const params = [
      `authorization_uri="${request.orgUrl}/oauth2/v1/authorize"`,
      `realm="${request.orgUrl}"`,
      `scope="${scope}"`,
      `error="${error}"`,
      `error_description="${description}"`,
      `resource="${request.path}"`,
    ];
    return { "www-authenticate": `${scheme === "dpop" ? "DPoP" : "Bearer"} ${params.join(", ")}` };
  };
  if (!claims || !isLiveClient(runtime, claims)) throw invalidToken(challenge("invalid_token", "The access token is invalid."));
  if (scheme === "bearer" && claims.jkt) {
    throw invalidToken(challenge("invalid_token", "The access token is DPoP-bound; use the DPoP scheme with a DPoP proof."));
  }
  if (scheme === "dpop") await checkDpop(runtime, request, credential, claims, challenge);
  if (!claims.scopes.includes(scope)) {
    throw permissionDenied(challenge("insufficient_scope", "The access token provided does not contain the required scopes."));
  }
}

async function checkDpop(
  runtime: EmulatorRuntime,
  request: AuthRequest,
  token: string,
  claims: AccessTokenClaims,
  challenge: (error: string, description: string) => Record<string, string>,
): Promise<void> {
  if (!claims.jkt) throw invalidToken(challenge("invalid_token", "The access token is not DPoP-bound; use the Bearer scheme."));
  if (!request.dpop) throw invalidToken(challenge("invalid_dpop_proof", "The DPoP proof JWT header is missing."));
  try {
    const proof = await verifyDpopProof(
      request.dpop,
      { method: request.method, url: request.orgUrl + request.path, now: runtime.now(), accessToken: token },
      runtime.jtis,
    );
    if (proof.jkt !== claims.jkt) throw new DpopProofError("The DPoP proof key is not the key the token is bound to.");
  } catch (error) {
    if (error instanceof DpopProofError) throw invalidToken(challenge("invalid_dpop_proof", error.message));
    throw error;
  }
}

// A token dies with its client: deleting or deactivating the app revokes it.
function isLiveClient(runtime: EmulatorRuntime, claims: AccessTokenClaims): boolean {
  return runtime.state.findClient(claims.clientId)?.status === "ACTIVE";
}
