// What the serialized provider shim loads at call time: configuration and the one provider per process.
import { OktaClient } from "../sdk/okta-client";
import { resolveOktaConfig, OktaConfigInput } from "../sdk/config";
import { logLevelListeners } from "../sdk/http/log-level-listeners";
import { BindingProvider } from "./binding-provider";
import { readProviderSettings, ProviderSettings } from "./provider-settings";

/** The `get` half of Pulumi's dynamic-provider config. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

// Per provider process: the stack's settings, and one client (and so one
// rate-limit pacer per org) shared by every binding the engine hands us.
let settings: ProviderSettings = { okta: {}, tuning: {}, logLevel: 5, warnings: [] };
let client: OktaClient | undefined;
let provider: BindingProvider | undefined;

/** Called by the engine once per provider process with the stack's config. */
export function configure(config: ConfigSource): void {
  settings = readProviderSettings(config, process.env);
  for (const warning of settings.warnings) process.stderr.write(`warning: ${warning}\n`);
  client = undefined;
}

function api(): OktaClient {
  if (!client) {
    const resolved = resolveOktaConfig(settings.okta as Partial<OktaConfigInput>, process.env);
    // okta:logLevel: lines on stderr, which the engine shows (never a credential).
    const logs = logLevelListeners(settings.logLevel, (line) => process.stderr.write(`${line}\n`));
    client = new OktaClient({ ...resolved, ...settings.tuning, ...logs });
  }
  return client;
}

/** The provider that serves every binding in this process. */
export function bindingProvider(): BindingProvider {
  provider ??= new BindingProvider({
    api,
    // The dynamic-provider process has no engine log channel; the engine shows its stderr.
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  return provider;
}
