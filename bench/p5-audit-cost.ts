// P5: what `audit` costs on the generated large org: API calls against the call floor, and paced time against the rate-limit floor.
import { startEmulator, type EmulatorSeed } from "../emulator";
import { generateOrgSeed } from "../emulator/seed/generate-org";
import { RateLimitPacer } from "../sdk/http/rate-limit-pacer";
import { OktaClient } from "../sdk/okta-client";
import { auditTransport } from "../cli/audit-transport";
import { runAudit } from "../cli/audit/run-audit";
import { silentProgress } from "../cli/progress";
import { formatTable } from "./table";

/** One audit run's figures. */
export interface P5Row {
  run: string;
  calls: number;
  floor: number;
  /** Paced time: real time plus every rate-limit wait (waits are skipped on a virtual clock). */
  seconds: number;
  /** The least time Okta's per-family limits allow for these calls (windows are aligned to the clock). */
  floorSeconds: number;
  assignments: number;
  unscoped: number;
}

const LIMIT = 600;
const WINDOW_SECONDS = 60;
const RUNS = [
  { run: "default", complete: false, capacity: 100 },
  { run: "--complete", complete: true, capacity: 100 },
  { run: "--complete, capacity 50 %", complete: true, capacity: 50 },
];

/** Runs the audit three ways on the large generated org, on a clock that skips rate-limit waits but counts them. */
export async function runP5(progress: (line: string) => void): Promise<P5Row[]> {
  const seed = generateOrgSeed();
  const rows: P5Row[] = [];
  for (const setting of RUNS) {
    progress(`P5 audit ${setting.run} on 5000 users, 2000 groups, 300 admins, 50 service apps`);
    let skipped = 0;
    const now = (): number => Date.now() + skipped;
    const emulator = await startEmulator({ seed, rateLimit: { limit: LIMIT, windowSeconds: WINDOW_SECONDS }, now });
    try {
      let calls = 0;
      const client = new OktaClient({
        orgUrl: emulator.url,
        auth: { method: "apiToken", apiToken: emulator.apiToken },
        transport: auditTransport({ onRequest: () => (calls += 1) }),
        pacer: new RateLimitPacer(),
        maxApiCapacity: setting.capacity,
        now,
        sleep: async (ms) => {
          skipped += ms;
        },
      });
      const started = now();
      // One request at a time, so the skipped waits add up to what a real run would wait.
      const report = await runAudit({ client, complete: setting.complete, concurrency: 1, progress: silentProgress, apiCalls: () => calls, now });
      const families = new Map<string, number>();
      for (const r of emulator.requests()) families.set(r.family, (families.get(r.family) ?? 0) + 1);
      const usable = Math.floor((LIMIT * setting.capacity) / 100);
      // n calls need ceil(n / usable) windows; starting just before a window ends, that is (windows − 2) full windows of waiting.
      const floorSeconds = Math.max(0, ...[...families.values()].map((n) => (Math.ceil(n / usable) - 2) * WINDOW_SECONDS));
      rows.push({ run: setting.run, calls, floor: callFloor(seed, report.summary, setting.complete), seconds: (now() - started) / 1000, floorSeconds, assignments: report.summary.assignments, unscoped: report.summary.unscoped });
    } finally {
      await emulator.close();
    }
  }
  return rows;
}

// The fewest calls that can find and describe what the audit reports: each list 200 a page, each object read once.
function callFloor(seed: EmulatorSeed, summary: { targetable: number; holders: { user: number; group: number } }, complete: boolean): number {
  const pages = (n: number): number => Math.max(1, Math.ceil(n / 200));
  const roles = seed.roleAssignments ?? [];
  const directUsers = new Set(roles.filter((r) => r.principal.user).map((r) => r.principal.user)).size;
  const serviceApps = (seed.apps ?? []).filter((a) => a.name === "oidc_client").length;
  const groups = complete ? pages(seed.groups?.length ?? 0) + (seed.groups?.length ?? 0) + summary.holders.group : 2 * summary.holders.group;
  return pages(directUsers) + directUsers + pages(serviceApps) + serviceApps + summary.holders.user + groups + summary.targetable;
}

/** The P5 table. */
export function p5Report(rows: P5Row[]): string {
  const table = formatTable(
    ["audit run", "API calls", "call floor", "x floor", "paced time", "rate-limit floor", "found", "unscoped"],
    rows.map((r) => [r.run, String(r.calls), String(r.floor), (r.calls / r.floor).toFixed(2), `${r.seconds.toFixed(0)} s`, `${r.floorSeconds} s`, String(r.assignments), String(r.unscoped)]),
  );
  return [
    `P5 audit cost on a generated org (5000 users, 2000 groups, 300 delegated admins of all three kinds, 50 service apps; ${LIMIT} requests per family per ${WINDOW_SECONDS} s)`,
    table,
    "The default mode finds group-held roles only through members' role lists (here the assignee list holds direct holders only), so it finds fewer; --complete reads every group's roles, one call per group.",
  ].join("\n");
}
