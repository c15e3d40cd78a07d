// Builds an OktaClient against a fake server with a fake clock and its own pacer.
import { OktaClient } from "../../../../sdk/okta-client";
import type { OktaClientOptions } from "../../../../sdk/okta-client-options";
import type { OktaEvent } from "../../../../sdk/http/okta-event";
import { RateLimitPacer } from "../../../../sdk/http/rate-limit-pacer";
import { fakeClock, type FakeClock } from "./fake-clock";

/** A secret that must never show up in errors or events. */
export const API_TOKEN = "00SECRET-api-token-Zq9xW3";

/** A client on `orgUrl` with SSWS auth unless `overrides.auth` says otherwise. */
export function makeClient(
  orgUrl: string,
  overrides: Partial<OktaClientOptions> = {},
): { client: OktaClient; clock: FakeClock; events: OktaEvent[] } {
  const clock = fakeClock();
  const events: OktaEvent[] = [];
  const client = new OktaClient({
    orgUrl,
    auth: { method: "apiToken", apiToken: API_TOKEN },
    now: clock.now,
    sleep: clock.sleep,
    random: clock.random,
    pacer: new RateLimitPacer(),
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { client, clock, events };
}
