// Ends the provider process once the engine that started it is gone, after closing the Okta gate.
import { engineHealthCheck } from "./engine-health-check";
import { watchEngine } from "./engine-watchdog";

/** How often a live engine is checked (Pulumi's own hosts check every few minutes; a check is one loopback call). */
const CHECK_INTERVAL_MS = 1_000;
/** How soon a check that found nothing listening is repeated, so one hiccup is not taken for death. */
const RECHECK_MS = 250;
/** Bounds one check; a check that times out means a stopped or busy engine, not a dead one. */
const CHECK_TIMEOUT_MS = 5_000;
/** Checks in a row that must find nothing listening. */
const MISSES_ALLOWED = 2;
/** The provider's exit code when it stops because its engine is gone. */
export const ENGINE_GONE_EXIT_CODE = 1;

/** What {@link stopWhenEngineDies} does on death; tests replace it. */
export interface EngineGoneActions {
  /** Ends the process. Default `process.exit`. */
  exit(code: number): void;
}

/**
 * Watches the engine at `engineAddress` (the dynamic-provider host's first argument). When the
 * engine is gone (killed with the CLI, so no signal reaches this process) the returned signal is
 * aborted first, so the Okta client refuses every request not yet sent, and the process exits
 * with {@link ENGINE_GONE_EXIT_CODE} right after: the plan of an engine that is gone is never
 * finished. Death is noticed within about `CHECK_INTERVAL_MS + RECHECK_MS`.
 */
export function stopWhenEngineDies(engineAddress: string, actions: EngineGoneActions = { exit: (code) => process.exit(code) }): AbortSignal {
  const gate = new AbortController();
  const parent = process.ppid;
  watchEngine({
    check: engineHealthCheck(engineAddress, CHECK_TIMEOUT_MS),
    orphaned: () => process.ppid !== parent,
    intervalMs: CHECK_INTERVAL_MS,
    recheckMs: RECHECK_MS,
    missesAllowed: MISSES_ALLOWED,
    onGone: (reason) => {
      gate.abort(new Error(`The Pulumi engine is gone (${reason}); no further Okta request is sent.`));
      actions.exit(ENGINE_GONE_EXIT_CODE);
    },
  });
  return gate.signal;
}
