// Reads process state from Linux /proc, for tests about processes that are
// not the test's own children (so no exit event reaches the test).
import * as fs from "node:fs";

/** The process's state letter from /proc, or undefined once it is gone or a zombie awaiting its reaper. */
export function liveState(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state === "Z" || state === "X" ? undefined : state;
  } catch {
    return undefined;
  }
}

/** The process's command line, or "" once it is gone. */
export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

/** Polls /proc until every pid is gone (bounded by deadlineMs); returns the ms it took. */
export async function waitUntilGone(pids: number[], deadlineMs: number): Promise<number> {
  const started = Date.now();
  while (pids.some((p) => liveState(p) !== undefined)) {
    if (Date.now() - started > deadlineMs) {
      const alive = pids.filter((p) => liveState(p) !== undefined).map((p) => `${p} (${commandLine(p)})`);
      throw new Error(`still running after ${deadlineMs} ms: ${alive.join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}
