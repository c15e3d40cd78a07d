// What the serialized provider shim loads at call time: configuration and the one provider per process.
import type * as pulumi from "@pulumi/pulumi";
import { OktaClient } from "../sdk/okta-client";
import { resolveOktaConfig, OktaConfigInput } from "../sdk/config";
import { logLevelListeners } from "../sdk/http/log-level-listeners";
import type { OktaEvent } from "../sdk/http/okta-event";
import { currentBinding } from "./binding-context";
import { BindingProvider } from "./binding-provider";
import { BindingInputs, BindingOutputs } from "./binding-types";
import { withEngineFieldNames } from "./engine-field-names";
import { engineLog } from "./engine-notifier";
import { createProgressReporter } from "./progress-messages";
import { quietExpectedErrors } from "./quiet-expected-errors";
import { readProviderSettings, ProviderSettings } from "./provider-settings";
import { stopWhenEngineDies } from "./stop-when-engine-dies";

/** The `get` half of Pulumi's dynamic-provider config. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

// The engine's address is the dynamic-provider host's first argument.
const inDynamicProviderHost = /[\\/]cmd[\\/]dynamic-provider/.test(process.argv[1] ?? "");
// Only there is an engine to outlive: once it is gone the gate closes (no Okta request is sent) and
// the process exits. Unit tests and programs load this file without one.
const engineGone = inDynamicProviderHost && process.argv[2] ? stopWhenEngineDies(process.argv[2]) : undefined;

// Per provider process: the stack's settings, and one client (and so one
// rate-limit pacer per org) shared by every binding the engine hands us.
let settings: ProviderSettings = { okta: {}, tuning: {}, logLevel: 5, warnings: [] };
let client: OktaClient | undefined;
let provider: ReturnType<typeof withEngineFieldNames> | undefined;

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
    client = new OktaClient({
      ...resolved,
      ...settings.tuning,
      onEvent: (event) => {
        reportProgress(event);
        logs.onEvent(event);
      },
      onResponse: logs.onResponse,
      signal: engineGone,
    });
  }
  return client;
}

const log = engineLog(
  inDynamicProviderHost ? process.argv[2] : undefined,
  (line) => process.stderr.write(`${line}\n`),
);

/** Tells the person running Pulumi about a wait that delays the binding whose call is running. */
function reportProgress(event: OktaEvent): void {
  const binding = currentBinding();
  const line = binding ? progressFor(binding)(event) : undefined;
  if (line && binding) log("info", line, binding.__urn, true);
}

const reporters = new WeakMap<BindingInputs, (event: OktaEvent) => string | undefined>();
function progressFor(binding: BindingInputs): (event: OktaEvent) => string | undefined {
  let reporter = reporters.get(binding);
  if (!reporter) {
    reporter = createProgressReporter({ now: Date.now, maxRetries: settings.tuning.maxRetries ?? 5 });
    reporters.set(binding, reporter);
  }
  return reporter;
}

/** The provider that serves every binding in this process. */
export function bindingProvider(): pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> {
  if (!provider) {
    const methods = withEngineFieldNames(
      new BindingProvider({ api, notify: (inputs, severity, message) => log(severity, message, inputs.__urn) }),
    );
    provider = inDynamicProviderHost ? quietExpectedErrors(methods) : methods;
  }
  return provider;
}
