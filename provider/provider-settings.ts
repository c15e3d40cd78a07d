// Reads the okta:* keys @pulumi/okta already uses: org, credentials and client tuning.
import { readClientTuning, type ClientTuning } from "../sdk/client-tuning";

/** Okta settings from stack config, and client tuning. */
export interface ProviderSettings {
  /** The `okta:*` org and credential values that are set, by key without the namespace. */
  okta: Record<string, string | string[]>;
  /** Client options from `okta:maxRetries`, `okta:httpProxy` and the other tuning keys. */
  tuning: ClientTuning["options"];
  /** `okta:logLevel`, 1 (TRACE) to 5 (ERROR). */
  logLevel: number;
  /** Warnings to show once, such as a deprecated key in use. */
  warnings: string[];
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
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a whole number of 0 or more; got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Reads `okta:*` from the stack config, so a stack that configures @pulumi/okta needs nothing
 * new: the org and credentials (their OKTA_* env vars are applied later, by the client's config
 * resolution) and the tuning keys `okta:maxRetries`, `okta:requestTimeout`, `okta:maxApiCapacity`,
 * `okta:minWaitSeconds`, `okta:maxWaitSeconds`, `okta:backoff`, `okta:logLevel` and
 * `okta:httpProxy` (env `MAX_API_CAPACITY`, `OKTA_HTTP_PROXY`). Throws, and so fails the
 * preview, on a value outside @pulumi/okta's range.
 *
 * `oktaRoleTargets:maxRetries` / `oktaRoleTargets:requestTimeoutMs` (env OKTA_RT_MAX_RETRIES /
 * OKTA_RT_REQUEST_TIMEOUT_MS) are deprecated aliases: still read, with a warning, and the
 * `okta:*` key wins when both are set.
 */
export function readProviderSettings(config: { get(key: string): string | undefined }, env: Record<string, string | undefined>): ProviderSettings {
  const okta: Record<string, string | string[]> = {};
  for (const key of OKTA_KEYS) {
    const v = config.get(`okta:${key}`);
    if (v !== undefined && v !== "") okta[key] = key === "scopes" ? parseScopes(v) : v;
  }
  const { options: tuning, logLevel } = readClientTuning((key) => config.get(key), env);
  const warnings: string[] = [];
  const oldRetries = intSetting(config.get("oktaRoleTargets:maxRetries") ?? env.OKTA_RT_MAX_RETRIES, "oktaRoleTargets:maxRetries");
  if (oldRetries !== undefined) {
    warnings.push("oktaRoleTargets:maxRetries / OKTA_RT_MAX_RETRIES is deprecated; set okta:maxRetries (the @pulumi/okta key) instead.");
    tuning.maxRetries ??= oldRetries;
  }
  const oldTimeout = intSetting(
    config.get("oktaRoleTargets:requestTimeoutMs") ?? env.OKTA_RT_REQUEST_TIMEOUT_MS,
    "oktaRoleTargets:requestTimeoutMs",
  );
  if (oldTimeout !== undefined) {
    warnings.push(
      "oktaRoleTargets:requestTimeoutMs / OKTA_RT_REQUEST_TIMEOUT_MS is deprecated; set okta:requestTimeout (the @pulumi/okta key, in seconds) instead.",
    );
    tuning.requestTimeoutMs ??= oldTimeout;
  }
  return { okta, tuning, logLevel, warnings };
}
