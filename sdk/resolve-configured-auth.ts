// Chooses exactly one way to authenticate from explicit input and the environment.
import { DEFAULT_SCOPES, type OktaAuthConfig } from "./auth/auth-config";
import { loadPrivateKey } from "./auth/load-private-key";
import { OktaConfigError } from "./config-error";
import { CONFIG_KEYS, describeKey, readSetting, type ConfigName, type SourcedValue } from "./config-sources";

type Setting = SourcedValue<string | string[] | Record<string, unknown>> | undefined;

/**
 * The auth method, chosen in this documented order:
 * 1. a method with an explicitly given setting beats one that only the environment supplies;
 * 2. within the same source: `accessToken`, then `clientId` + `privateKey`, then `apiToken`.
 * A service app given only half (clientId without privateKey, or the reverse) is an error
 * naming the missing setting. The private key is loaded once here to catch mistakes early.
 */
export function resolveConfiguredAuth(input: Record<string, unknown>, env: Record<string, string | undefined>): OktaAuthConfig {
  const get = (name: ConfigName): Setting => readSetting(name, input, env);
  const accessToken = get("accessToken");
  const clientId = get("clientId");
  const privateKey = get("privateKey");
  const apiToken = get("apiToken");
  const candidates = [
    { method: "accessToken" as const, settings: [accessToken] },
    { method: "privateKey" as const, settings: [clientId, privateKey] },
    { method: "apiToken" as const, settings: [apiToken] },
  ];
  const present = candidates.filter((c) => c.settings.some((s) => s !== undefined));
  const chosen = present.find((c) => c.settings.some((s) => s?.source === "input")) ?? present[0];
  if (!chosen) {
    throw new OktaConfigError(
      CONFIG_KEYS.apiToken.key,
      CONFIG_KEYS.apiToken.env,
      `No Okta credentials are configured. Set ${describeKey("apiToken")}, or ${describeKey("accessToken")}, or a service app's ${describeKey("clientId")} and ${describeKey("privateKey")}.`,
    );
  }
  if (chosen.method === "accessToken") return { method: "accessToken", accessToken: String(accessToken?.value) };
  if (chosen.method === "apiToken") return { method: "apiToken", apiToken: String(apiToken?.value) };
  if (!clientId) throw missing("clientId", "privateKey");
  if (!privateKey) throw missing("privateKey", "clientId");
  const key = typeof privateKey.value === "string" ? privateKey.value : (privateKey.value as Record<string, unknown>);
  if (Array.isArray(key)) throw new OktaConfigError(CONFIG_KEYS.privateKey.key, CONFIG_KEYS.privateKey.env, `${describeKey("privateKey")} must be a PEM or JWK private key.`);
  loadPrivateKey(key);
  const keyId = get("privateKeyId");
  return {
    method: "privateKey",
    clientId: String(clientId.value),
    privateKey: key,
    ...(keyId ? { privateKeyId: String(keyId.value) } : {}),
    scopes: parseScopes(get("scopes")?.value),
  };
}

function missing(name: ConfigName, given: ConfigName): OktaConfigError {
  return new OktaConfigError(
    CONFIG_KEYS[name].key,
    CONFIG_KEYS[name].env,
    `${describeKey(given)} is set but ${describeKey(name)} is not: a service app needs both its client id and its private key. Set ${CONFIG_KEYS[name].key} (or ${CONFIG_KEYS[name].env}), or remove ${CONFIG_KEYS[given].key}.`,
  );
}

/** Scopes from a string or array, split on commas and whitespace; the default when none. */
export function parseScopes(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(/[\s,]+/))
    .filter((s) => s.length > 0);
  return parts.length > 0 ? [...new Set(parts)] : [...DEFAULT_SCOPES];
}
