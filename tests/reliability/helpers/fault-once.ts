// Injects one fault into exactly one request: the one that arrives right after a trigger request.
import type { FaultKind, RequestLogEntry, RunningEmulator } from "../../../emulator";

/**
 * Waits for a request matching `trigger` to arrive, turns on `kind` for every request,
 * and sets the rate back to 0 as soon as the next request has arrived (and drawn its fault).
 * Resolves with that faulted request's log entry.
 */
export async function faultRequestAfter(
  emulator: RunningEmulator,
  trigger: (e: RequestLogEntry) => boolean,
  kind: FaultKind,
  slowMs = 0,
): Promise<RequestLogEntry> {
  for (;;) {
    const arrived = await emulator.nextRequest();
    if (trigger(arrived)) break;
  }
  // The trigger has already drawn its own (absent) fault: only later requests see this setting.
  emulator.setFaults({ rate: 1, kinds: [kind], seed: 1, slowMs });
  const victim = await emulator.nextRequest();
  // Rate 0 rather than off: a slow request reads its delay from the settings in force when
  // its handler runs, so clearing the settings would cut the delay short.
  emulator.setFaults({ rate: 0, kinds: [kind], seed: 1, slowMs });
  return emulator.requests(victim.index)[0];
}
