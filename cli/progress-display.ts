// Progress on stderr: a redrawn line with counts and an ETA on a terminal, or plain lines for CI logs.
import type { Progress } from "./progress";

/** Where and how to draw. */
export interface ProgressDisplayOptions {
  /** Written to (stderr). */
  write: (text: string) => void;
  /** Clock, epoch ms. */
  now: () => number;
  /** Requests sent so far, shown beside the counts. */
  apiCalls: () => number;
}

interface PhaseState {
  label: string;
  total: number | undefined;
  done: number;
  started: number;
}

/** A single line redrawn in place (`\r` + erase), at most every 100 ms, with count, percent and ETA. */
export function ttyProgress(o: ProgressDisplayOptions): Progress {
  let phase: PhaseState | undefined;
  let drawnAt = -Infinity;
  const draw = (force: boolean): void => {
    const t = o.now();
    if (!phase || (!force && t - drawnAt < 100)) return;
    drawnAt = t;
    const { label, total, done, started } = phase;
    const count = total === undefined ? `${done}` : `${done}/${total} (${total === 0 ? 100 : Math.floor((done / total) * 100)}%)`;
    const eta = total !== undefined && done > 0 && done < total ? ` · ETA ${formatSeconds(((t - started) / done) * (total - done))}` : "";
    o.write(`\r\x1b[K${label}: ${count} · ${o.apiCalls()} API calls${eta}`);
  };
  return {
    phase(label, total) {
      phase = { label, total, done: 0, started: o.now() };
      draw(true);
    },
    step(count = 1) {
      if (phase) phase.done += count;
      draw(false);
    },
    finish(summary) {
      o.write(`\r\x1b[K${summary}\n`);
    },
  };
}

/** One line when a phase starts and one when it ends; no cursor movement, no colour. */
export function plainProgress(o: ProgressDisplayOptions): Progress {
  let phase: PhaseState | undefined;
  const end = (): void => {
    if (phase) o.write(`${phase.label}: ${phase.done} done in ${formatSeconds(o.now() - phase.started)} (${o.apiCalls()} API calls so far)\n`);
  };
  return {
    phase(label, total) {
      end();
      phase = { label, total, done: 0, started: o.now() };
      o.write(`${label}${total === undefined ? "" : ` (${total})`}…\n`);
    },
    step(count = 1) {
      if (phase) phase.done += count;
    },
    finish(summary) {
      end();
      phase = undefined;
      o.write(`${summary}\n`);
    },
  };
}

/** "42s", "3m05s". */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}
