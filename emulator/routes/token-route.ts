// POST /oauth2/v1/token: client_credentials with a private_key_jwt assertion, optionally DPoP-bound.
import { oauthSettings } from "../domain/apps";
import { isObject } from "../domain/json-input";
import type { AppRecord } from "../domain/records";
import { grantedScopes, OKTA_SCOPES } from "../domain/scope-grants";
import { ACCESS_TOKEN_SECONDS } from "../oauth/access-tokens";
import { claimedClient, verifyClientAssertion } from "../oauth/client-assertion";
import { DpopProofError, verifyDpopProof } from "../oauth/dpop-proof";
import { invalidClient, invalidRequest, OAuthError } from "../oauth/oauth-error";
import { json, type Route, type RouteContext, type RouteResult } from "./route";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The token endpoint of the org authorization server. */
export function tokenRoutes(): Route[] {
  return [{ method: "POST", path: "/oauth2/v1/token", family: "token", access: "public", handler: issueToken }];
}

async function issueToken(ctx: RouteContext): Promise<RouteResult> {
  const form = formOf(ctx.body);
  if (form.grant_type !== "client_credentials") {
    const description = "The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].";
    throw new OAuthError(400, "unsupported_grant_type", description);
  }
  if (form.client_assertion_type !== JWT_BEARER || !form.client_assertion) {
    throw invalidClient("Client authentication requires client_assertion_type jwt-bearer and a client_assertion.");
  }
  const app = claimedClient(ctx.state, form.client_assertion, form.client_id);
  const tokenUrl = `${ctx.orgUrl}/oauth2/v1/token`;
  // The DPoP nonce dance comes before the assertion is spent, so a client may resend the same assertion.
  const jkt = await dpopBinding(ctx, app, tokenUrl);
  await verifyClientAssertion(app, form.client_assertion, [tokenUrl], ctx.now, ctx.runtime.jtis);
  const scopes = requestedScopes(form.scope, app);
  const token = await ctx.runtime.tokens.issue({ clientId: app.id, scopes, ...(jkt ? { jkt } : {}) }, ctx.orgUrl, ctx.now);
  const body = { token_type: jkt ? "DPoP" : "Bearer", expires_in: ACCESS_TOKEN_SECONDS, access_token: token, scope: scopes.join(" ") };
  return json(200, body, { "cache-control": "no-store", pragma: "no-cache" });
}

async function dpopBinding(ctx: RouteContext, app: AppRecord, tokenUrl: string): Promise<string | undefined> {
  // Apps that do not require DPoP ignore a DPoP header (Okta's SDKs send one regardless).
  if (oauthSettings(app).dpop_bound_access_tokens !== true) return undefined;
  const proof = ctx.headers.dpop;
  if (!proof) throw new OAuthError(400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
  let verified;
  try {
    verified = await verifyDpopProof(proof, { method: "POST", url: tokenUrl, now: ctx.now }, ctx.runtime.jtis);
  } catch (error) {
    if (error instanceof DpopProofError) throw new OAuthError(400, "invalid_dpop_proof", error.message);
    throw error;
  }
  if (!ctx.runtime.dpopNonces.isValid(verified.nonce, ctx.now)) {
    const nonce = ctx.runtime.dpopNonces.issue(ctx.now);
    throw new OAuthError(400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.", { "dpop-nonce": nonce });
  }
  return verified.jkt;
}

function requestedScopes(raw: string | undefined, app: AppRecord): string[] {
  const scopes = (raw ?? "").split(" ").filter((scope) => scope !== "");
  if (scopes.length === 0) {
    const description = "The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
    throw new OAuthError(400, "invalid_scope", description);
  }
  const unknown = scopes.filter((scope) => !(OKTA_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    throw new OAuthError(400, "invalid_scope", `One or more scopes are not configured for the authorization server resource: ${unknown.join(" ")}`);
  }
  const granted = grantedScopes(app);
  const missing = scopes.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) throw new OAuthError(400, "invalid_scope", `The following scopes are not allowed: [${missing.join(", ")}]`);
  return scopes;
}

function formOf(body: unknown): Record<string, string | undefined> {
  if (!isObject(body)) throw invalidRequest("The token request must be an application/x-www-form-urlencoded body.");
  const form: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === "string") form[name] = value;
  return form;
}
