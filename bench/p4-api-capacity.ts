// P4: the share of each rate-limit bucket actually used under load, for okta:maxApiCapacity 100, 50 and 25.
import { startEmulator } from "../emulator";
import { RateLimitPacer } from "../sdk/http/rate-limit-pacer";
import { OktaClient } from "../sdk/okta-client";
import { formatTable } from "./table";

/** One capacity setting's measurement. */
export interface P4Row {
  /** okta:maxApiCapacity. */
  capacity: number;
  /** Requests the emulator allows per window. */
  limit: number;
  /** Complete windows measured. */
  windows: number;
  /** Largest share of a window's limit used, in percent. */
  maxSharePct: number;
  /** Mean share over the complete windows, in percent. */
  meanSharePct: number;
  /** Requests refused with 429. */
  refused: number;
  /** Requests sent. */
  requests: number;
}

const SETTINGS = [100, 50, 25];
const LIMIT = 40;
const WINDOW_SECONDS = 5;
const RUN_MS = 22_000;
const WORKERS = 4;

/** Runs four workers listing groups as fast as the pacer lets them, for each setting, against one emulator. */
export async function runP4(progress: (line: string) => void): Promise<P4Row[]> {
  const emulator = await startEmulator({ apiToken: "bench-api-token", rateLimit: { limit: LIMIT, windowSeconds: WINDOW_SECONDS } });
  const rows: P4Row[] = [];
  try {
    for (const capacity of SETTINGS) {
      progress(`P4: okta:maxApiCapacity ${capacity} for ${RUN_MS / 1000} s against ${LIMIT} requests per ${WINDOW_SECONDS} s window`);
      // Start at a window boundary, so that the first window is complete too.
      const size = WINDOW_SECONDS * 1000;
      await new Promise((resolve) => setTimeout(resolve, size - (Date.now() % size) + 50));
      emulator.clearRequests();
      const client = new OktaClient({
        orgUrl: emulator.url,
        auth: { method: "apiToken", apiToken: emulator.apiToken },
        maxApiCapacity: capacity,
        pacer: new RateLimitPacer(),
      });
      const deadline = Date.now() + RUN_MS;
      const worker = async (): Promise<void> => {
        while (Date.now() < deadline) await client.listAll("/api/v1/groups").catch(() => undefined);
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      rows.push(measure(capacity, emulator.requests()));
    }
  } finally {
    await emulator.close();
  }
  return rows;
}

function measure(capacity: number, log: { time: string; status: number | null }[]): P4Row {
  const size = WINDOW_SECONDS * 1000;
  const perWindow = new Map<number, number>();
  for (const entry of log) {
    const window = Math.floor(Date.parse(entry.time) / size);
    perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
  }
  // The last window is cut short by the deadline: leave it out.
  const windows = [...perWindow.keys()].sort((a, b) => a - b).slice(0, -1);
  const shares = windows.map((w) => ((perWindow.get(w) ?? 0) * 100) / LIMIT);
  return {
    capacity,
    limit: LIMIT,
    windows: windows.length,
    maxSharePct: shares.length ? Math.max(...shares) : 0,
    meanSharePct: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : 0,
    refused: log.filter((e) => e.status === 429).length,
    requests: log.length,
  };
}

/** The P4 table and its verdict: the share used never exceeds the setting, and nothing is refused. */
export function p4Report(rows: P4Row[]): string {
  const table = formatTable(
    ["okta:maxApiCapacity", "limit/window", "windows", "max share used", "mean share used", "429s", "requests"],
    rows.map((r) => [
      `${r.capacity}%`,
      `${r.limit}/${WINDOW_SECONDS} s`,
      String(r.windows),
      `${r.maxSharePct.toFixed(1)}%`,
      `${r.meanSharePct.toFixed(1)}%`,
      String(r.refused),
      String(r.requests),
    ]),
  );
  const missed = rows.filter((r) => r.maxSharePct > r.capacity || r.refused > 0);
  const verdict = missed.length
    ? `MISSED: ${missed.map((r) => `${r.capacity}% used up to ${r.maxSharePct.toFixed(1)}% with ${r.refused} 429s`).join("; ")}`
    : "every setting stayed within its share of each window, with no 429";
  return [
    `P4: okta:maxApiCapacity, share of each rate-limit window used under load (${WORKERS} workers, ${RUN_MS / 1000} s each)`,
    table,
    verdict,
  ].join("\n");
}
