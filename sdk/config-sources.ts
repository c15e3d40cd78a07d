// Reads one Okta setting from explicit input first, then from its environment variable.

/** The settings the client reads, as Pulumi config keys and environment variables name them. */
export const CONFIG_KEYS = {
  orgName: { key: "okta:orgName", env: "OKTA_ORG_NAME" },
  baseUrl: { key: "okta:baseUrl", env: "OKTA_BASE_URL" },
  orgUrl: { key: "okta:orgUrl", env: "OKTA_ORG_URL" },
  apiToken: { key: "okta:apiToken", env: "OKTA_API_TOKEN" },
  accessToken: { key: "okta:accessToken", env: "OKTA_ACCESS_TOKEN" },
  clientId: { key: "okta:clientId", env: "OKTA_API_CLIENT_ID" },
  privateKey: { key: "okta:privateKey", env: "OKTA_API_PRIVATE_KEY" },
  privateKeyId: { key: "okta:privateKeyId", env: "OKTA_API_PRIVATE_KEY_ID" },
  scopes: { key: "okta:scopes", env: "OKTA_API_SCOPES" },
} as const;

/** A setting name. */
export type ConfigName = keyof typeof CONFIG_KEYS;

/** Where a value came from. */
export type ConfigSource = "input" | "env";

/** A value and its source. */
export interface SourcedValue<T> {
  /** The value, trimmed when it is a string. */
  value: T;
  /** `input` (explicit) or `env`. */
  source: ConfigSource;
}

/** `okta:orgName / OKTA_ORG_NAME`: how messages name a setting. */
export function describeKey(name: ConfigName): string {
  return `${CONFIG_KEYS[name].key} / ${CONFIG_KEYS[name].env}`;
}

/**
 * The setting's value: explicit input when it is a non-blank string (or, for `scopes` and
 * `privateKey`, a non-empty array or object), else the non-blank environment variable.
 */
export function readSetting(
  name: ConfigName,
  input: Record<string, unknown>,
  env: Record<string, string | undefined>,
): SourcedValue<string | string[] | Record<string, unknown>> | undefined {
  const explicit = input[name];
  if (typeof explicit === "string" && explicit.trim() !== "") return { value: explicit.trim(), source: "input" };
  if (Array.isArray(explicit) && explicit.length > 0) return { value: explicit.map(String), source: "input" };
  if (explicit && typeof explicit === "object" && !Array.isArray(explicit)) {
    return { value: explicit as Record<string, unknown>, source: "input" };
  }
  const fromEnv = env[CONFIG_KEYS[name].env];
  if (typeof fromEnv === "string" && fromEnv.trim() !== "") return { value: fromEnv.trim(), source: "env" };
  return undefined;
}
