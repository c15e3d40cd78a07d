// Builds a read-only sdk client from the flags and OKTA_* environment, as the provider reads its settings.
import { OktaClient, resolveOktaConfig, type HttpTransport, type OktaConfigInput } from "../sdk";
import { auditTransport } from "./audit-transport";
import type { ConnectionFlags } from "./cli-options";

/** Scopes the audit needs when a service app signs in and no scopes are configured: read-only ones. */
export const READ_SCOPES = ["okta.roles.read", "okta.users.read", "okta.groups.read", "okta.apps.read"];

/** A client and the number of requests it has sent. */
export interface ConnectedClient {
  client: OktaClient;
  /** Requests sent so far, retries and token requests included. */
  apiCalls(): number;
}

/**
 * Resolves the org and credentials (flags first, then `OKTA_*` variables; secrets only from the
 * environment) and returns a client whose transport refuses every write. Throws `OktaConfigError`
 * naming the setting to fix.
 */
export function connectClient(flags: ConnectionFlags, env: Record<string, string | undefined>, inner?: HttpTransport): ConnectedClient {
  const input: Partial<OktaConfigInput> = { allowInsecureHttp: flags.allowInsecureHttp };
  if (flags.orgUrl) input.orgUrl = flags.orgUrl;
  if (flags.orgName) input.orgName = flags.orgName;
  if (flags.baseUrl) input.baseUrl = flags.baseUrl;
  if (flags.apiTokenEnv) input.apiToken = requiredEnv(env, flags.apiTokenEnv, "--api-token-env");
  if (flags.accessTokenEnv) input.accessToken = requiredEnv(env, flags.accessTokenEnv, "--access-token-env");
  if (flags.clientId) input.clientId = flags.clientId;
  if (flags.privateKeyFile) input.privateKey = flags.privateKeyFile;
  if (flags.privateKeyId) input.privateKeyId = flags.privateKeyId;
  input.scopes = flags.scopes ?? env.OKTA_API_SCOPES ?? READ_SCOPES;
  const config = resolveOktaConfig(input, env);
  let calls = 0;
  const transport = auditTransport({ onRequest: () => (calls += 1), ...(inner ? { inner } : {}) });
  const maxApiCapacity = flags.maxApiCapacity ?? capacityFromEnv(env);
  return { client: new OktaClient({ ...config, transport, maxApiCapacity, userAgent: "pulumi-okta-role-targets-cli" }), apiCalls: () => calls };
}

// MAX_API_CAPACITY, as the provider reads it for okta:maxApiCapacity.
function capacityFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.MAX_API_CAPACITY?.trim();
  if (raw === undefined || raw === "") return 100;
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= 100)) throw new Error(`MAX_API_CAPACITY must be a whole number from 1 to 100 (percent of each rate-limit bucket), got '${raw}'`);
  return value;
}

function requiredEnv(env: Record<string, string | undefined>, name: string, flag: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === "") throw new Error(`${flag} names ${name}, but that environment variable is empty or unset: export ${name}=… and run again.`);
  return value;
}
