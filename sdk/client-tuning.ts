// Reads @pulumi/okta's client-tuning keys (okta:maxRetries, okta:httpProxy, ...) and refuses values outside their ranges.
import { OktaConfigError } from "./config-error";
import type { OktaClientOptions } from "./okta-client-options";

/** A tuning key as @pulumi/okta 7 names it, its environment variable (if it has one) and its range. */
interface TuningKey {
  key: string;
  env?: string;
  min?: number;
  max?: number;
  /** What the number counts, for messages. */
  unit: string;
}

/**
 * The tuning keys of @pulumi/okta 7 (terraform-provider-okta's provider schema): ranges as it
 * validates them, and the two environment variables it reads (`OKTA_HTTP_PROXY`, `MAX_API_CAPACITY`).
 */
export const TUNING_KEYS = {
  maxRetries: { key: "okta:maxRetries", min: 0, max: 100, unit: "retries" },
  requestTimeout: { key: "okta:requestTimeout", min: 0, max: 300, unit: "seconds, 0 for no limit" },
  maxApiCapacity: { key: "okta:maxApiCapacity", env: "MAX_API_CAPACITY", min: 1, max: 100, unit: "percent of each rate-limit bucket" },
  minWaitSeconds: { key: "okta:minWaitSeconds", min: 0, unit: "seconds" },
  maxWaitSeconds: { key: "okta:maxWaitSeconds", min: 0, unit: "seconds" },
  logLevel: { key: "okta:logLevel", min: 1, max: 5, unit: "1 TRACE, 2 DEBUG, 3 INFO, 4 WARN, 5 ERROR" },
  backoff: { key: "okta:backoff", unit: "true or false" },
  httpProxy: { key: "okta:httpProxy", env: "OKTA_HTTP_PROXY", unit: "URL" },
} as const satisfies Record<string, TuningKey>;

/** The client options the tuning keys set, plus the log level (which the caller turns into a listener). */
export interface ClientTuning {
  /** Options to pass to `new OktaClient(...)`; only the keys that were set. */
  options: Pick<
    OktaClientOptions,
    "maxRetries" | "requestTimeoutMs" | "maxApiCapacity" | "retryBaseDelayMs" | "retryMaxDelayMs" | "backoff" | "httpProxy"
  >;
  /** `okta:logLevel`, 1 (TRACE) to 5 (ERROR); default 5. */
  logLevel: number;
}

/**
 * Reads the tuning keys: `config(key)` (the stack config) first, then the key's environment
 * variable; blank counts as unset. Throws an {@link OktaConfigError} naming the key, its allowed range and
 * the value given (a proxy URL with its user name and password replaced by `***`).
 */
export function readClientTuning(config: (key: string) => string | undefined, env: Record<string, string | undefined>): ClientTuning {
  const raw = (k: TuningKey): string | undefined => {
    const fromConfig = config(k.key)?.trim();
    if (fromConfig) return fromConfig;
    const fromEnv = k.env ? env[k.env]?.trim() : undefined;
    return fromEnv || undefined;
  };
  const int = (k: TuningKey): number | undefined => wholeNumber(k, raw(k));
  const options: ClientTuning["options"] = {};
  const maxRetries = int(TUNING_KEYS.maxRetries);
  if (maxRetries !== undefined) options.maxRetries = maxRetries;
  const timeout = int(TUNING_KEYS.requestTimeout);
  if (timeout !== undefined) options.requestTimeoutMs = timeout * 1000;
  const capacity = int(TUNING_KEYS.maxApiCapacity);
  if (capacity !== undefined) options.maxApiCapacity = capacity;
  const minWait = int(TUNING_KEYS.minWaitSeconds);
  const maxWait = int(TUNING_KEYS.maxWaitSeconds);
  if (minWait !== undefined && maxWait !== undefined && minWait > maxWait) {
    throw new OktaConfigError(
      TUNING_KEYS.minWaitSeconds.key,
      undefined,
      `okta:minWaitSeconds (${minWait}) must not be more than okta:maxWaitSeconds (${maxWait}); lower the first or raise the second.`,
    );
  }
  if (minWait !== undefined) options.retryBaseDelayMs = minWait * 1000;
  if (maxWait !== undefined) options.retryMaxDelayMs = maxWait * 1000;
  const backoff = raw(TUNING_KEYS.backoff);
  if (backoff !== undefined) options.backoff = bool(TUNING_KEYS.backoff, backoff);
  const proxy = raw(TUNING_KEYS.httpProxy);
  if (proxy !== undefined) options.httpProxy = proxyUrl(proxy);
  return { options, logLevel: int(TUNING_KEYS.logLevel) ?? 5 };
}

/** How messages name a key: `okta:httpProxy / OKTA_HTTP_PROXY`, or just the key. */
function describe(k: TuningKey): string {
  return k.env ? `${k.key} / ${k.env}` : k.key;
}

function range(k: TuningKey): string {
  if (k.max !== undefined) return `a whole number from ${k.min} to ${k.max} (${k.unit})`;
  return `a whole number of ${k.min} or more (${k.unit})`;
}

function wholeNumber(k: TuningKey, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^[0-9]{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || (k.min !== undefined && n < k.min) || (k.max !== undefined && n > k.max)) {
    throw new OktaConfigError(k.key, k.env, `${describe(k)} must be ${range(k)}; got ${JSON.stringify(text)}.`);
  }
  return n;
}

function bool(k: TuningKey, text: string): boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  throw new OktaConfigError(k.key, k.env, `${describe(k)} must be true or false; got ${JSON.stringify(text)}.`);
}

/**
 * The proxy URL as given, with everything before its last `@` (the user name and password)
 * after the scheme replaced by `***`, safe to show. Text without `@` is returned unchanged.
 */
export function redactProxyUrl(text: string): string {
  const at = text.lastIndexOf("@");
  if (at < 0) return text;
  const scheme = text.indexOf("://");
  const start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
  return `${text.slice(0, start)}***${text.slice(at)}`;
}

function proxyUrl(text: string): string {
  const k = TUNING_KEYS.httpProxy;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const ok = url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && (url.pathname === "/" || url.pathname === "");
  if (!ok) {
    throw new OktaConfigError(
      k.key,
      k.env,
      `${describe(k)} must be a proxy URL of the form scheme://host or scheme://host:port, with scheme http or https (such as http://proxy.example.com:3128); got ${JSON.stringify(redactProxyUrl(text))}.`,
    );
  }
  return text;
}
