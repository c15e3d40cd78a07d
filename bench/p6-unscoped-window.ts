// P6: how long a newly assigned role is unscoped (it applies to ALL groups) before its first target, with assignRole and with a separate role resource.
import { startEmulator } from "../emulator";
import { BindingProvider } from "../provider/binding-provider";
import type { BindingInputs } from "../provider/binding-types";
import { OktaClient } from "../sdk/okta-client";
import type { Principal } from "../sdk/types";
import { BENCH_TOKEN, PRINCIPAL_KINDS, PrincipalKind, benchSeed, principalArgs, principalId, targetSet } from "./bench-org";
import { formatTable } from "./table";

/** Creates per row. */
export const P6_RUNS = 20;
/** Latency the emulator adds to every API request (a `slow` fault on every request). */
export const P6_LATENCY_MS = 100;
const TARGETS = 3;
const ROLE = "USER_ADMIN";

/** How the role came to be assigned in a row. */
export type P6Flow = "assignRole" | "separate";

/** One row: a principal kind and flow, over P6_RUNS creates. */
export interface P6Row {
  principal: PrincipalKind;
  flow: P6Flow;
  runs: number;
  /** Time from the role's POST arriving to its first target PUT arriving, on the emulator's clock. */
  medianMs: number;
  maxMs: number;
  /** Requests the client made from the role's POST up to (not counting) its first target PUT: 1 means the POST alone. */
  medianRoundTrips: number;
  maxRoundTrips: number;
  /** Requests of one create (the role POST included), median. */
  calls: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Runs P6_RUNS provider-level creates per principal kind, each on a principal
 * without the role, with every request P6_LATENCY_MS late: with assignRole, and
 * (for comparison) as a separate role assignment followed at once by a binding
 * without assignRole, which is the least a separate role resource can do.
 */
export async function runP6(progress: (line: string) => void): Promise<P6Row[]> {
  const emulator = await startEmulator({ apiToken: BENCH_TOKEN, seed: benchSeed(1, []), rateLimit: { limit: 1_000_000, windowSeconds: 1 } });
  emulator.setFaults({ rate: 1, kinds: ["slow"], seed: 1, slowMs: P6_LATENCY_MS });
  const client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: BENCH_TOKEN } });
  const rows: P6Row[] = [];
  try {
    for (const principal of PRINCIPAL_KINDS) {
      for (const flow of ["assignRole", "separate"] as const) {
        const windows: number[] = [];
        const trips: number[] = [];
        const calls: number[] = [];
        for (let run = 0; run < P6_RUNS; run++) {
          emulator.reset();
          emulator.clearRequests();
          const provider = new BindingProvider({ api: () => client, notify: () => undefined });
          const inputs = { kind: "group", ...principalArgs(principal, 0), roleType: ROLE, ...targetSet("group", run * TARGETS, run * TARGETS + TARGETS) } as BindingInputs;
          const who: Principal = { kind: principal, id: principalId(principal, 0) };
          if (flow === "separate") await client.assignRole(who, ROLE);
          await provider.create(flow === "assignRole" ? { ...inputs, assignRole: true } : inputs);
          const log = emulator.requests();
          const post = log.findIndex((r) => r.method === "POST" && r.path.endsWith("/roles"));
          const first = log.findIndex((r, i) => i > post && r.method === "PUT" && r.path.includes("/targets/"));
          if (post < 0 || first < 0) throw new Error(`P6 ${principal} ${flow}: no role POST or no target PUT in the request log`);
          windows.push(Date.parse(log[first].time) - Date.parse(log[post].time));
          trips.push(first - post);
          calls.push(log.length);
        }
        rows.push({
          principal,
          flow,
          runs: P6_RUNS,
          medianMs: median(windows),
          maxMs: Math.max(...windows),
          medianRoundTrips: median(trips),
          maxRoundTrips: Math.max(...trips),
          calls: median(calls),
        });
        progress(`P6 ${principal} ${flow}: median ${median(windows)} ms over ${P6_RUNS} creates`);
      }
    }
  } finally {
    await emulator.close();
  }
  return rows;
}

/** The P6 table: the unscoped window per principal and flow, beside the calls of a create. No pass or fail: it is measured, not judged. */
export function p6Report(rows: readonly P6Row[]): string {
  const table = formatTable(
    ["principal", "role assigned by", "runs", "unscoped ms median", "ms max", "round trips median", "max", "calls per create"],
    rows.map((r) => [
      r.principal,
      r.flow === "assignRole" ? "the binding (assignRole)" : "a separate resource, binding right after",
      String(r.runs),
      String(r.medianMs),
      String(r.maxMs),
      String(r.medianRoundTrips),
      String(r.maxRoundTrips),
      String(r.calls),
    ]),
  );
  return [
    `P6: unscoped window of a new ${ROLE} role (POST .../roles to the first PUT .../targets/...), ${TARGETS} group targets, every request ${P6_LATENCY_MS} ms late`,
    table,
    "The separate flow is the least a separate role resource allows: the engine adds its own step time between the two resources on top.",
  ].join("\n");
}
