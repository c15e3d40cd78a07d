// Samples the dynamic-provider processes' resident memory from /proc while a run is in flight.
import * as fs from "node:fs";
import * as path from "node:path";

/** Peak resident memory seen, in MB, and how many provider processes were seen. */
export interface RssPeak {
  peakMB: number;
  processes: number;
  samples: number;
}

/**
 * The node process running @pulumi/pulumi's cmd/dynamic-provider from under `baseDir` (so other
 * stacks on the machine do not count), not the shell or `node -e` that locate the script.
 */
function isDynamicProvider(cmdline: string[], baseDir: string): boolean {
  return cmdline.some((arg) => arg.startsWith(baseDir + path.sep) && /cmd[/\\]dynamic-provider([/\\]index\.js)?$/.test(arg)) && !cmdline.includes("-e");
}

/** kB value of a /proc/<pid>/status field, or 0. */
function statusKB(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return m ? Number(m[1]) : 0;
}

/**
 * Every `intervalMs` reads VmHWM (the kernel's own peak-RSS mark, so peaks between samples
 * still count) of each dynamic-provider process whose script lies under `baseDir`; stop() returns the largest.
 */
export function startRssSampler(baseDir: string, intervalMs = 200): { stop(): RssPeak } {
  const peaks = new Map<number, number>();
  let samples = 0;
  const sample = () => {
    samples += 1;
    let pids: string[] = [];
    try {
      pids = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
      return; // no /proc: nothing to report
    }
    for (const pid of pids) {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        if (!isDynamicProvider(cmdline, baseDir)) continue;
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const kb = Math.max(statusKB(status, "VmHWM"), statusKB(status, "VmRSS"));
        peaks.set(Number(pid), Math.max(peaks.get(Number(pid)) ?? 0, kb));
      } catch {
        // the process ended between listing and reading
      }
    }
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const peakKB = Math.max(0, ...peaks.values());
      return { peakMB: Math.round(peakKB / 102.4) / 10, processes: peaks.size, samples };
    },
  };
}
