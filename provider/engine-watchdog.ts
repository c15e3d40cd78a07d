// Decides, from repeated health checks and the parent process, when the engine is gone.
import type { EngineCheck } from "./engine-health-check";

/** A timer the watchdog can start; `unref` keeps it from holding the process open. */
export type StartTimer = (run: () => void, ms: number) => { unref?(): unknown };

/** How to watch, and what to do once the engine is gone. */
export interface EngineWatchdogOptions {
  /** One health check of the engine. */
  check: EngineCheck;
  /** True once the process that started this one has exited (it was re-parented). */
  orphaned: () => boolean;
  /** Time between checks while the engine answers. */
  intervalMs: number;
  /** Time before checking again after the engine did not answer. */
  recheckMs: number;
  /** Checks in a row that must find nothing listening before the engine counts as gone. */
  missesAllowed: number;
  /** Called once, with the reason, when the engine is gone; the watchdog stops then. */
  onGone: (reason: string) => void;
  /** Starts a timer. Default `setTimeout`. */
  startTimer?: StartTimer;
}

/**
 * Checks the engine every `intervalMs` and calls `onGone` once `missesAllowed` checks in a row
 * found nothing listening, or at once when the parent process has exited. A check that merely
 * gets no answer in time (an engine stopped with Ctrl-Z, or busy) does not count as a miss, so
 * a live engine is never taken for dead. Timers are unref'd: the watchdog never keeps the
 * process alive. Returns a function that stops watching.
 */
export function watchEngine(options: EngineWatchdogOptions): () => void {
  const startTimer = options.startTimer ?? ((run, ms) => setTimeout(run, ms));
  let stopped = false;
  let misses = 0;
  const schedule = (ms: number) => startTimer(() => void tick(), ms).unref?.();
  const gone = (reason: string) => {
    stopped = true;
    options.onGone(reason);
  };
  async function tick(): Promise<void> {
    if (stopped) return;
    if (options.orphaned()) return gone("the process that started the provider has exited");
    const answer = await options.check();
    if (stopped) return;
    if (answer === "gone") {
      misses++;
      if (misses >= options.missesAllowed) return gone(`the engine stopped answering (${misses} checks in a row)`);
      return void schedule(options.recheckMs);
    }
    if (answer === "alive") misses = 0;
    schedule(options.intervalMs);
  }
  schedule(options.intervalMs);
  return () => {
    stopped = true;
  };
}
