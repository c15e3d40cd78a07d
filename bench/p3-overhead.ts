// P3: engine overhead of a no-change `pulumi preview` of 200 bindings vs 200 no-op dynamic resources, and the `__provider` size.
import { startEmulator } from "../emulator";
import { BindingSpec, bindingConfig } from "../tests/helpers/binding-program";
import { createProgram, TestProgram } from "../tests/helpers/pulumi-program";
import { BENCH_TOKEN, BindingKind, EXPLICIT_POLICY, PRINCIPAL_KINDS, benchSeed, principalArgs, roleTypeOf, targetSet } from "./bench-org";
import type { BenchBase } from "./engine-setup";
import { NOOP_PROGRAM } from "./noop-program";
import { P3_BINDING_PROGRAM } from "./p3-binding-program";

const RESOURCES = 200;
export const P3_RUNS = 5;
const KINDS: readonly BindingKind[] = ["group", "catalogApp", "appInstance"];
const TYPE: Record<BindingKind, BindingSpec["type"]> = {
  group: "GroupTargetBinding",
  catalogApp: "AppTargetBinding",
  appInstance: "AppInstanceTargetBinding",
};

/** What P3 measured (seconds per preview run, in run order). */
export interface P3Detail {
  bindingRuns: number[];
  noopRuns: number[];
  bindingMedian: number;
  noopMedian: number;
  ratio: number;
  /** Okta API requests each binding preview made (steady state: no target changed). */
  previewCalls: number[];
  /** Largest serialized `__provider` of a binding in the state file, in bytes. */
  providerBytes: number;
  noopProviderBytes: number;
  /** Mean bytes of a binding's state entry (inputs and outputs), which the engine sends with each check and diff. */
  stateBytes: number;
  noopStateBytes: number;
}

/** Binding i: kind by i, principal kind by i/3, principal index i (one role each), two targets. */
function specs(): BindingSpec[] {
  return Array.from({ length: RESOURCES }, (_, i) => {
    const kind = KINDS[i % 3] as BindingKind;
    const principal = PRINCIPAL_KINDS[Math.floor(i / 3) % 3] as (typeof PRINCIPAL_KINDS)[number];
    const from = kind === "catalogApp" ? (i % 12) * 2 : 2 * i;
    return { type: TYPE[kind], name: `b${i}`, args: { ...principalArgs(principal, i), roleType: roleTypeOf(kind), ...EXPLICIT_POLICY, ...targetSet(kind, from, from + 2) } };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Bytes of the largest `__provider` output among the state's resources. */
function providerBytes(program: TestProgram): number {
  const state = JSON.parse(program.stateText()) as { checkpoint: { latest?: { resources?: { outputs?: Record<string, unknown> }[] } } };
  const sizes = (state.checkpoint.latest?.resources ?? []).flatMap((r) =>
    typeof r.outputs?.__provider === "string" ? [Buffer.byteLength(r.outputs.__provider, "utf8")] : [],
  );
  if (sizes.length !== RESOURCES) throw new Error(`P3: expected ${RESOURCES} dynamic resources in state, found ${sizes.length}`);
  return Math.max(...sizes);
}

/** Mean serialized bytes of the dynamic resources' state entries. */
function stateBytes(program: TestProgram): number {
  const state = JSON.parse(program.stateText()) as { checkpoint: { latest?: { resources?: { type: string }[] } } };
  const sizes = (state.checkpoint.latest?.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic")).map((r) => Buffer.byteLength(JSON.stringify(r), "utf8"));
  return Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length));
}

async function timedPreview(program: TestProgram): Promise<number> {
  const started = Date.now();
  const result = await program.preview({ expectNoChanges: true });
  const seconds = (Date.now() - started) / 1000;
  const same = result.changeSummary?.same ?? 0;
  if (same < RESOURCES) throw new Error(`P3: preview expected ${RESOURCES} unchanged resources, got ${JSON.stringify(result.changeSummary)}`);
  return seconds;
}

/** Creates both stacks, then times P3_RUNS previews of each, interleaved so drift in machine load hits both alike. */
export async function runP3(base: BenchBase, progress: (line: string) => void): Promise<P3Detail> {
  const roles = specs().map((s, i) => ({
    principal: PRINCIPAL_KINDS[Math.floor(i / 3) % 3] as (typeof PRINCIPAL_KINDS)[number],
    index: i,
    type: s.args.roleType as string,
  }));
  const org = await startEmulator({ apiToken: BENCH_TOKEN, seed: benchSeed(RESOURCES, roles), rateLimit: { limit: 1_000_000, windowSeconds: 1 } });
  const config = bindingConfig(org.url, BENCH_TOKEN, specs());
  const programs: TestProgram[] = [];
  try {
    const bindings = await createProgram({ project: "bench-p3-bindings", program: P3_BINDING_PROGRAM, config, baseDir: base.dir });
    programs.push(bindings);
    const noop = await createProgram({ project: "bench-p3-noop", program: NOOP_PROGRAM, config, baseDir: base.dir });
    programs.push(noop);
    let started = Date.now();
    await bindings.up();
    progress(`P3 setup: ${RESOURCES} bindings created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    await noop.up();
    progress(`P3 setup: ${RESOURCES} no-op resources created in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const bindingRuns: number[] = [];
    const noopRuns: number[] = [];
    const previewCalls: number[] = [];
    for (let run = 1; run <= P3_RUNS; run++) {
      const before = org.requests().length;
      bindingRuns.push(await timedPreview(bindings));
      previewCalls.push(org.requests(before).length);
      noopRuns.push(await timedPreview(noop));
      progress(`P3 run ${run}: bindings ${bindingRuns[run - 1]?.toFixed(2)} s, no-op ${noopRuns[run - 1]?.toFixed(2)} s`);
    }
    const bindingMedian = median(bindingRuns);
    const noopMedian = median(noopRuns);
    return {
      bindingRuns,
      noopRuns,
      bindingMedian,
      noopMedian,
      ratio: bindingMedian / noopMedian,
      previewCalls,
      providerBytes: providerBytes(bindings),
      noopProviderBytes: providerBytes(noop),
      stateBytes: stateBytes(bindings),
      noopStateBytes: stateBytes(noop),
    };
  } finally {
    for (const p of programs) await p.cleanup();
    await org.close();
  }
}
