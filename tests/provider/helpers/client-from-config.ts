// Builds an OktaClient from stack config the way provider-entry does, collecting its log lines.
import { readProviderSettings } from "../../../provider/provider-settings";
import { resolveOktaConfig, type OktaConfigInput } from "../../../sdk/config";
import { logLevelListeners } from "../../../sdk/http/log-level-listeners";
import { RateLimitPacer } from "../../../sdk/http/rate-limit-pacer";
import { OktaClient } from "../../../sdk/okta-client";
import type { FakeClock } from "../../unit/sdk/helpers/fake-clock";

/** Builds the client the way provider-entry does: stack config → settings → OktaClient, with log lines collected. */
export function clientFromConfig(
  values: Record<string, string>,
  extra: { clock?: FakeClock; env?: Record<string, string> } = {},
): { client: OktaClient; lines: string[] } {
  const settings = readProviderSettings({ get: (key) => values[key] }, extra.env ?? {});
  const lines: string[] = [];
  const resolved = resolveOktaConfig(settings.okta as Partial<OktaConfigInput>, extra.env ?? {});
  const clock = extra.clock ? { now: extra.clock.now, sleep: extra.clock.sleep, random: extra.clock.random } : {};
  const client = new OktaClient({
    ...resolved,
    ...settings.tuning,
    ...logLevelListeners(settings.logLevel, (line) => lines.push(line)),
    ...clock,
    pacer: new RateLimitPacer(),
  });
  return { client, lines };
}
