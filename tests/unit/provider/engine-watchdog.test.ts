// Proves when the watchdog declares the engine gone: after consecutive refusals or a lost parent, never for a slow engine.
import type { EngineAnswer } from "../../../provider/engine-health-check";
import { watchEngine, type EngineWatchdogOptions } from "../../../provider/engine-watchdog";

/** Drives the watchdog by hand: each `step` fires the pending timer and waits until the watchdog schedules its next one or gives up. */
function harness(answers: EngineAnswer[], orphanedAt = Infinity) {
  const delays: number[] = [];
  const gone: string[] = [];
  let pending: (() => void) | undefined;
  let settle: (() => void) | undefined;
  let checks = 0;
  const options: EngineWatchdogOptions = {
    check: async () => answers[checks++] ?? "alive",
    orphaned: () => checks >= orphanedAt,
    intervalMs: 1000,
    recheckMs: 250,
    missesAllowed: 2,
    onGone: (reason) => {
      gone.push(reason);
      settle?.();
    },
    startTimer: (run, ms) => {
      delays.push(ms);
      pending = run;
      settle?.();
      return {};
    },
  };
  const stop = watchEngine(options);
  return {
    delays,
    gone,
    stop,
    checks: () => checks,
    /** Fires the pending timer without waiting for anything to follow. */
    fire(): void {
      pending?.();
    },
    async step(): Promise<void> {
      const run = pending;
      pending = undefined;
      if (!run) throw new Error("no timer pending");
      const next = new Promise<void>((resolve) => (settle = resolve));
      run();
      await next;
    },
  };
}

describe("watchEngine", () => {
  it("declares the engine gone after two refused checks in a row, re-checking quickly after the first", async () => {
    const w = harness(["alive", "gone", "gone"]);
    await w.step();
    await w.step();
    await w.step();
    expect(w.delays).toEqual([1000, 1000, 250]);
    expect(w.gone).toEqual([expect.stringMatching(/stopped answering \(2 checks in a row\)/)]);
  });

  it("forgives one refusal followed by an answer", async () => {
    const w = harness(["gone", "alive", "gone", "alive"]);
    for (let i = 0; i < 4; i++) await w.step();
    expect(w.gone).toEqual([]);
    expect(w.delays).toEqual([1000, 250, 1000, 250, 1000]);
  });

  it("never takes an engine that answers late (stopped or busy) for a dead one", async () => {
    const w = harness(["silent", "silent", "silent", "silent"]);
    for (let i = 0; i < 4; i++) await w.step();
    expect(w.gone).toEqual([]);
  });

  it("declares the engine gone at once when the parent process has exited, without a check", async () => {
    const w = harness([], 0);
    await w.step();
    expect(w.gone).toEqual([expect.stringMatching(/process that started the provider has exited/)]);
    expect(w.checks()).toBe(0);
  });

  it("does nothing more once stopped", async () => {
    const w = harness(["gone", "gone"]);
    w.stop();
    const before = w.delays.length;
    // The pending timer fires after the stop: no check, no verdict, no new timer.
    w.fire();
    await Promise.resolve();
    expect(w.checks()).toBe(0);
    expect(w.gone).toEqual([]);
    expect(w.delays).toHaveLength(before);
  });
});
