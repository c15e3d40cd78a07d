// P2: one `pulumi up` applying 1000 target changes over 50 bindings against a rate-limited emulator.
import { startEmulator } from "../emulator";
import { BINDING_PROGRAM, BindingSpec, bindingConfig } from "../tests/helpers/binding-program";
import { createProgram } from "../tests/helpers/pulumi-program";
import {
  BENCH_TOKEN,
  BenchRole,
  EXPLICIT_POLICY,
  BindingKind,
  PRINCIPAL_KINDS,
  appId,
  benchSeed,
  groupId,
  principalArgs,
  principalId,
  roleTypeOf,
  seedTargets,
  targetSet,
} from "./bench-org";
import { clearRequests, fetchRequests } from "./emulator-log";
import type { BenchBase } from "./engine-setup";
import { startRssSampler } from "./rss-sampler";

/** The scaled-down limit: requests per endpoint family per window (Okta counts families separately). */
export const P2_RATE_LIMIT = { limit: 100, windowSeconds: 10 };
const BINDINGS = 50;
const PER_BINDING = 20; // 10 targets swapped out, 10 in

/** Requests of one rate-limit family during the measured up. */
export interface FamilyCount {
  family: string;
  requests: number;
  rejected429: number;
  /** Seconds the accepted requests need at the family's allowed rate. */
  floorSeconds: number;
}

/** What P2 measured. */
export interface P2Detail {
  wallSeconds: number;
  floorSeconds: number;
  ratioToFloor: number;
  requests: number;
  pct429: number;
  writes: number;
  failedOps: number;
  failures: string[];
  peakRssMB: number;
  providerProcesses: number;
  families: FamilyCount[];
  /** Seconds from the first to the last API request of the measured up; the rest of the wall time is the engine's. */
  requestSpanSeconds: number;
}

const kindOf = (i: number): BindingKind => (i % 2 === 0 ? "group" : "appInstance");
const principalOf = (i: number) => PRINCIPAL_KINDS[i % PRINCIPAL_KINDS.length] as (typeof PRINCIPAL_KINDS)[number];

/** Binding i holds targets 20i.. in its own block; `half` 0 declares the first ten, 1 the next ten. */
function specs(half: 0 | 1): BindingSpec[] {
  return Array.from({ length: BINDINGS }, (_, i) => {
    const kind = kindOf(i);
    const from = i * PER_BINDING + half * (PER_BINDING / 2);
    return {
      type: kind === "group" ? "GroupTargetBinding" : "AppInstanceTargetBinding",
      name: `b${i}`,
      args: { ...principalArgs(principalOf(i), i), roleType: roleTypeOf(kind), ...EXPLICIT_POLICY, ...targetSet(kind, from, from + PER_BINDING / 2) },
    };
  });
}

/** Every binding's role, holding the first ten targets of its block. */
function rolesHoldingFirstHalf(): BenchRole[] {
  return Array.from({ length: BINDINGS }, (_, i) => ({
    principal: principalOf(i),
    index: i,
    type: roleTypeOf(kindOf(i)),
    ...seedTargets(kindOf(i), i * PER_BINDING, i * PER_BINDING + PER_BINDING / 2),
  }));
}

/** Sets up 50 bindings on an unlimited emulator, then measures the up that swaps 10 targets of each out and 10 in. */
export async function runP2(base: BenchBase, progress: (line: string) => void): Promise<P2Detail> {
  const seed = benchSeed(BINDINGS, rolesHoldingFirstHalf());
  const setupOrg = await startEmulator({ apiToken: BENCH_TOKEN, seed, rateLimit: { limit: 1_000_000, windowSeconds: 1 } });
  const port = setupOrg.port;
  const program = await createProgram({
    project: "bench-p2",
    program: BINDING_PROGRAM,
    config: bindingConfig(setupOrg.url, BENCH_TOKEN, specs(0)),
    baseDir: base.dir,
  });
  try {
    const setupStarted = Date.now();
    await program.up();
    await setupOrg.close();
    progress(`P2 setup: 50 bindings adopted their roles' targets in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    // The same org (the roles hold what setup left), on the same URL, now rate limited.
    const org = await startEmulator({ apiToken: BENCH_TOKEN, port, seed, rateLimit: P2_RATE_LIMIT });
    try {
      await program.stack.setConfig("e2e:bindings", { value: JSON.stringify(specs(1)) });
      await clearRequests(org.url);
      const sampler = startRssSampler(base.dir, 200);
      const started = Date.now();
      let upError: unknown;
      try {
        await program.up();
      } catch (err) {
        upError = err;
      }
      const wallSeconds = (Date.now() - started) / 1000;
      const rss = sampler.stop();
      const log = await fetchRequests(org.url);
      const failures = unconverged(org.state(), specs(1));
      const failedOps = failures.length || (upError ? 1 : 0);
      if (upError) failures.unshift(`pulumi up failed: ${String(upError).split("\n").slice(0, 3).join(" ")}`);
      return summarize(wallSeconds, log, failures, failedOps, rss);
    } finally {
      await org.close();
    }
  } finally {
    await setupOrg.close();
    await program.cleanup();
  }
}

function summarize(
  wallSeconds: number,
  log: Awaited<ReturnType<typeof fetchRequests>>,
  failures: string[],
  failedOps: number,
  rss: ReturnType<ReturnType<typeof startRssSampler>["stop"]>,
): P2Detail {
  const byFamily = new Map<string, FamilyCount>();
  const perSecond = P2_RATE_LIMIT.limit / P2_RATE_LIMIT.windowSeconds;
  for (const r of log) {
    const f = byFamily.get(r.family) ?? { family: r.family, requests: 0, rejected429: 0, floorSeconds: 0 };
    f.requests += 1;
    if (r.status === 429) f.rejected429 += 1;
    f.floorSeconds = (f.requests - f.rejected429) / perSecond;
    byFamily.set(r.family, f);
  }
  const families = [...byFamily.values()].sort((a, b) => b.requests - a.requests);
  const floorSeconds = Math.max(0, ...families.map((f) => f.floorSeconds));
  const rejected = families.reduce((n, f) => n + f.rejected429, 0);
  const times = log.map((r) => Date.parse(r.time));
  const requestSpanSeconds = times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  const writes = log.filter((r) => r.family === "role-targets" && r.method !== "GET" && r.status !== null && r.status < 300).length;
  return {
    wallSeconds,
    floorSeconds,
    ratioToFloor: floorSeconds > 0 ? wallSeconds / floorSeconds : 0,
    requests: log.length,
    pct429: log.length ? (100 * rejected) / log.length : 0,
    writes,
    failedOps,
    failures,
    peakRssMB: rss.peakMB,
    providerProcesses: rss.processes,
    families,
    requestSpanSeconds,
  };
}

/** Bindings whose role does not hold exactly the declared targets. */
function unconverged(state: ReturnType<Awaited<ReturnType<typeof startEmulator>>["state"]>, declared: BindingSpec[]): string[] {
  return declared.flatMap((spec, i) => {
    const kind = kindOf(i);
    const holder = state.principals.find((p) => p.kind === principalOf(i) && p.id === principalId(principalOf(i), i));
    const role = holder?.roleAssignments.find((r) => r.type === roleTypeOf(kind));
    const actual = kind === "group" ? (role?.groupTargets ?? []) : (role?.appTargets ?? []).map((t) => ("appId" in t ? t.appId : t.catalog));
    const from = i * PER_BINDING + PER_BINDING / 2;
    const wanted = Array.from({ length: PER_BINDING / 2 }, (_, k) => (kind === "group" ? groupId(from + k) : appId(from + k)));
    const same = actual.length === wanted.length && [...actual].sort().join() === [...wanted].sort().join();
    return same ? [] : [`${spec.name}: holds ${actual.length} targets, not the ${wanted.length} declared`];
  });
}
