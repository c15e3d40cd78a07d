// Authenticates a service app by its private_key_jwt client assertion (RFC 7523).
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { isServiceApp, oauthSettings } from "../domain/apps";
import type { EmulatorState } from "../domain/emulator-state";
import { isObject } from "../domain/json-input";
import type { AppRecord } from "../domain/records";
import { ASYMMETRIC_ALGS } from "./dpop-proof";
import { invalidClient } from "./oauth-error";
import type { ReplayGuard } from "./replay-guard";

/** The longest an assertion may live: its `exp` at most one hour ahead. */
const MAX_ASSERTION_SECONDS = 3600;

/** Finds the client an assertion claims to come from, without trusting it yet. */
export function claimedClient(state: EmulatorState, assertion: string, clientIdParam: string | undefined): AppRecord {
  let iss: unknown;
  let sub: unknown;
  try {
    ({ iss, sub } = decodeJwt(assertion));
  } catch {
    throw invalidClient("The client_assertion is not a valid JWT.");
  }
  if (typeof iss !== "string" || iss !== sub) throw invalidClient("The client_assertion 'iss' and 'sub' claims must both be the client_id.");
  if (clientIdParam !== undefined && clientIdParam !== iss) throw invalidClient("The client_id parameter does not match the client_assertion.");
  const app = state.findClient(iss);
  if (!app || app.status !== "ACTIVE") throw invalidClient("Invalid value for 'client_id' parameter.");
  return app;
}

/**
 * Verifies the assertion against the app's registered public keys: signature, iss = sub =
 * client_id, aud = the token URL, exp no more than one hour ahead, and a `jti` never seen before.
 */
export async function verifyClientAssertion(app: AppRecord, assertion: string, tokenUrls: string[], now: number, jtis: ReplayGuard): Promise<void> {
  const credentials = isObject(app.credentials.oauthClient) ? app.credentials.oauthClient : {};
  if (credentials.token_endpoint_auth_method !== "private_key_jwt") {
    throw invalidClient("The client must use private_key_jwt to get tokens with okta.* scopes.");
  }
  if (!isServiceApp(app)) throw invalidClient("Only service apps can use the client_credentials grant.");
  const jwks = oauthSettings(app).jwks;
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) throw invalidClient("The client has no public keys registered.");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(jwks as unknown as JSONWebKeySet), {
      issuer: app.id,
      subject: app.id,
      audience: tokenUrls,
      algorithms: ASYMMETRIC_ALGS,
      requiredClaims: ["exp", "jti"],
      currentDate: new Date(now),
    }));
  } catch (error) {
    throw invalidClient(describeJoseFailure(error));
  }
  const exp = payload.exp as number;
  if (exp > now / 1000 + MAX_ASSERTION_SECONDS) {
    throw invalidClient("The client_assertion token has an expiration too far into the future.");
  }
  if (!jtis.use(`assertion:${app.id}:${String(payload.jti)}`, exp * 1000, now)) {
    throw invalidClient("The client_assertion token has already been used ('jti' must be unique).");
  }
}

function describeJoseFailure(error: unknown): string {
  const code = isObject(error) && typeof error.code === "string" ? error.code : "";
  const claim = isObject(error) && typeof error.claim === "string" ? error.claim : "";
  if (code === "ERR_JWT_EXPIRED") return "The client_assertion token is expired.";
  if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED" && claim === "aud") {
    return "The audience [aud] claim for client_assertion must be the endpoint invoked for the request.";
  }
  if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") return `The client_assertion '${claim}' claim is missing or invalid.`;
  return "The client_assertion signature is invalid.";
}
