// A clock for tests: sleeping advances time at once and is recorded, so nothing waits for real.

/** Injected time functions plus what they recorded. */
export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  sleeps: number[];
  advance(ms: number): void;
}

/** A clock starting at `start` ms whose sleeps return immediately and move time on. */
export function fakeClock(start = Date.parse("2025-03-13T23:28:24Z"), random = 0.5): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    random: () => random,
    sleeps,
    advance: (ms: number) => {
      time += ms;
    },
  };
}
