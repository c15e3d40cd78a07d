// OAuth 2.0 service-app credentials: client-credentials tokens, cached, shared, DPoP-aware.
import { OktaApiError } from "../errors";
import type { Clock } from "../http/clock";
import type { HttpResponse } from "../http/http-transport";
import { emitEvent, type OktaEventListener } from "../http/okta-event";
import type { ExecutorResponse, RequestExecutor } from "../http/request-executor";
import { parseErrorBody, responseError } from "../http/response-error";
import type { Authenticator } from "./authenticator";
import { createClientAssertion } from "./client-assertion";
import { DpopSigner } from "./dpop-proof";
import type { LoadedPrivateKey } from "./load-private-key";

/** What the OAuth authenticator needs, all resolved. */
export interface OAuthAuthenticatorOptions {
  /** The org, `https://…` without a trailing slash. */
  orgUrl: string;
  /** Service app client id. */
  clientId: string;
  /** Its private key. */
  privateKey: LoadedPrivateKey;
  /** `kid` of the key, if any. */
  privateKeyId: string | undefined;
  /** Scopes to request. */
  scopes: string[];
  /** Sends the token requests (with pacing and retries). */
  executor: RequestExecutor;
  /** Time source for expiry and JWT timestamps. */
  clock: Clock;
  /** Receives token and DPoP-nonce events. */
  onEvent: OktaEventListener;
}

interface CachedToken {
  value: string;
  dpop: boolean;
  refreshAt: number;
}

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * Gets access tokens with client credentials and a private_key_jwt assertion, caches each
 * until 60 s before it expires, and lets concurrent callers share one token request. Handles
 * DPoP at the token endpoint (`use_dpop_nonce`, `invalid_dpop_proof`) and on API 401s.
 */
export class OAuthAuthenticator implements Authenticator {
  /** This is a service-app credential. */
  readonly method = "privateKey" as const;
  readonly #o: OAuthAuthenticatorOptions;
  readonly #tokenUrl: string;
  #token: CachedToken | undefined;
  #inflight: Promise<CachedToken> | undefined;
  #dpop: DpopSigner | undefined;
  #tokenNonce: string | undefined;
  #apiNonce: string | undefined;

  /** Creates the authenticator; no request is made until the first API call. */
  constructor(options: OAuthAuthenticatorOptions) {
    this.#o = options;
    this.#tokenUrl = `${options.orgUrl}/oauth2/v1/token`;
  }

  /** `Bearer <token>`, or `DPoP <token>` plus a proof bound to this method, URL and token. */
  async headersFor(method: string, url: string): Promise<Record<string, string>> {
    const token = await this.#currentToken();
    if (!token.dpop) return { Authorization: `Bearer ${token.value}` };
    const proof = await this.#signer().proof({
      method,
      url,
      nowMs: this.#o.clock.now(),
      nonce: this.#apiNonce,
      accessToken: token.value,
    });
    return { Authorization: `DPoP ${token.value}`, DPoP: proof };
  }

  /** True once per new `DPoP-Nonce` on a DPoP `use_dpop_nonce` 401; otherwise forgets the token. */
  retryAfterUnauthorized(response: HttpResponse): boolean {
    const nonce = response.headers["dpop-nonce"];
    const challenge = response.headers["www-authenticate"] ?? "";
    if (this.#token?.dpop && nonce && nonce !== this.#apiNonce && challenge.includes("use_dpop_nonce")) {
      this.#apiNonce = nonce;
      return true;
    }
    this.#token = undefined;
    return false;
  }

  #signer(): DpopSigner {
    this.#dpop ??= new DpopSigner();
    return this.#dpop;
  }

  #currentToken(): Promise<CachedToken> {
    const token = this.#token;
    if (token && this.#o.clock.now() < token.refreshAt) return Promise.resolve(token);
    this.#inflight ??= this.#requestToken().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #requestToken(): Promise<CachedToken> {
    const requestedAt = this.#o.clock.now();
    let useDpop = this.#dpop !== undefined;
    for (let round = 0; ; round++) {
      const response = await this.#postToken(useDpop);
      if (response.status >= 200 && response.status < 300) return this.#accept(response, requestedAt);
      const { errorCode } = parseErrorBody(response.body);
      const nonce = response.headers["dpop-nonce"];
      const newNonce = errorCode === "use_dpop_nonce" && nonce !== undefined && nonce !== this.#tokenNonce;
      if (response.status === 400 && round < 2 && (newNonce || (errorCode === "invalid_dpop_proof" && !useDpop))) {
        if (newNonce) this.#tokenNonce = nonce;
        useDpop = true;
        emitEvent(this.#o.onEvent, {
          type: "retry",
          method: "POST",
          path: "/oauth2/v1/token",
          attempt: round + 1,
          delayMs: 0,
          reason: "dpop-nonce",
          status: 400,
          errorCode,
          requestId: response.headers["x-okta-request-id"],
        });
        continue;
      }
      throw responseError(response, { method: "POST", url: this.#tokenUrl, retries: response.retries, authMethod: "privateKey" });
    }
  }

  #postToken(useDpop: boolean): Promise<ExecutorResponse> {
    const o = this.#o;
    return o.executor.send({
      method: "POST",
      url: this.#tokenUrl,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      prepare: async () => {
        const nowMs = o.clock.now();
        const assertion = await createClientAssertion({
          clientId: o.clientId,
          audience: this.#tokenUrl,
          key: o.privateKey,
          keyId: o.privateKeyId,
          nowMs,
        });
        const body = new URLSearchParams({
          grant_type: "client_credentials",
          scope: o.scopes.join(" "),
          client_assertion_type: ASSERTION_TYPE,
          client_assertion: assertion,
        }).toString();
        if (!useDpop) return { body };
        const proof = await this.#signer().proof({ method: "POST", url: this.#tokenUrl, nowMs, nonce: this.#tokenNonce });
        return { body, headers: { DPoP: proof } };
      },
    });
  }

  #accept(response: ExecutorResponse, requestedAt: number): CachedToken {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(response.body) as Record<string, unknown>;
    } catch {
      // handled below
    }
    if (!body || typeof body.access_token !== "string" || body.access_token.length === 0) {
      throw new OktaApiError({
        status: response.status,
        method: "POST",
        path: "/oauth2/v1/token",
        errorCode: "UNEXPECTED_RESPONSE",
        errorSummary: "the token response holds no access_token",
        requestId: response.headers["x-okta-request-id"],
        orgUrl: this.#o.orgUrl,
      });
    }
    const expiresIn = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600;
    const dpop = typeof body.token_type === "string" && body.token_type.toLowerCase() === "dpop";
    const margin = Math.min(60_000, (expiresIn * 1000) / 2);
    const token = { value: body.access_token, dpop, refreshAt: requestedAt + expiresIn * 1000 - margin };
    this.#token = token;
    emitEvent(this.#o.onEvent, { type: "token", dpop, expiresInSeconds: expiresIn, scopes: [...this.#o.scopes] });
    return token;
  }
}
