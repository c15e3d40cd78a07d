// Reads the okta:* keys @pulumi/okta already uses, plus optional retry tuning.
/** Okta settings from stack config, and client tuning. */
export interface ProviderSettings {
  /** The `okta:*` values that are set, by key without the namespace. */
  okta: Record<string, string | string[]>;
  /** Retry and timeout tuning. */
  tuning: { maxRetries?: number; requestTimeoutMs?: number };
}

const OKTA_KEYS = ["orgName", "baseUrl", "orgUrl", "apiToken", "accessToken", "clientId", "privateKey", "privateKeyId", "scopes"];

function parseScopes(v: string): string | string[] {
  // @pulumi/okta stores okta:scopes as a JSON list; plain strings are accepted too.
  if (v.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through: treat as a plain list
    }
  }
  return v;
}

function intSetting(raw: string | undefined, key: string): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a whole number of 0 or more; got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Reads `okta:*` from the stack config (so a stack that configures @pulumi/okta
 * needs nothing new), and `oktaRoleTargets:maxRetries` / `:requestTimeoutMs`
 * (env OKTA_RT_MAX_RETRIES / OKTA_RT_REQUEST_TIMEOUT_MS). The OKTA_* env vars are
 * applied later, by the client's config resolution.
 */
export function readProviderSettings(config: { get(key: string): string | undefined }, env: Record<string, string | undefined>): ProviderSettings {
  const okta: Record<string, string | string[]> = {};
  for (const key of OKTA_KEYS) {
    const v = config.get(`okta:${key}`);
    if (v !== undefined && v !== "") okta[key] = key === "scopes" ? parseScopes(v) : v;
  }
  return {
    okta,
    tuning: {
      maxRetries: intSetting(config.get("oktaRoleTargets:maxRetries") ?? env.OKTA_RT_MAX_RETRIES, "oktaRoleTargets:maxRetries"),
      requestTimeoutMs: intSetting(
        config.get("oktaRoleTargets:requestTimeoutMs") ?? env.OKTA_RT_REQUEST_TIMEOUT_MS,
        "oktaRoleTargets:requestTimeoutMs",
      ),
    },
  };
}
