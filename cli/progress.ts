// What long-running commands tell about their progress; displays implement it.

/** Receives progress: phases with a known or unknown total, steps within them, and the end. */
export interface Progress {
  /** A new phase begins; `total` is undefined while it is not known yet. */
  phase(label: string, total?: number): void;
  /** `count` more items of the current phase are done. */
  step(count?: number): void;
  /** Everything is done; `summary` is one closing line. */
  finish(summary: string): void;
}

/** A progress receiver that shows nothing (`--quiet`, and tests). */
export const silentProgress: Progress = { phase: () => undefined, step: () => undefined, finish: () => undefined };
