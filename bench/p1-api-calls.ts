// P1: API calls per provider operation against the emulator's request log, compared with the floor.
import { startEmulator } from "../emulator";
import { BindingProvider } from "../provider/binding-provider";
import type { BindingInputs, BindingOutputs } from "../provider/binding-types";
import { OktaClient } from "../sdk/okta-client";
import {
  BENCH_TOKEN,
  BindingKind,
  CATALOG_KEYS,
  PRINCIPAL_KINDS,
  PrincipalKind,
  benchSeed,
  principalArgs,
  roleTypeOf,
  targetSet,
} from "./bench-org";
import { clearRequests, countByClass, fetchRequests, resetOrg } from "./emulator-log";
import { P1Op, excessReasons, floorOf, total } from "./p1-floor";

/** One measured operation. */
export interface P1Row {
  kind: BindingKind;
  principal: PrincipalKind;
  /** Targets in the set; below `requestedSize` only for catalog targets, capped at the catalog's size. */
  size: number;
  requestedSize: number;
  capped: boolean;
  op: P1Op;
  /** Targets written by the operation (added + removed); for update, 10% swapped out and as many in. */
  changed: number;
  calls: number;
  floor: number;
  ratio: number;
  /** Read rows only: what terraform-provider-okta's approach issues, our calls plus one GET per instance target. */
  terraformCalls?: number;
  /** Why calls exceed the floor; empty at the floor. */
  why: string[];
}

export const P1_SIZES = [1, 20, 1000];
export const P1_KINDS: readonly BindingKind[] = ["group", "catalogApp", "appInstance"];

/** The largest catalog set m that still leaves ceil(m/10) unused keys to swap in on update. */
function catalogCap(): number {
  let m = 1;
  while (m + 1 + Math.ceil((m + 1) / 10) <= CATALOG_KEYS.length) m += 1;
  return m;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Runs create, no-op read, a 10% update and delete for every kind, principal and size. */
export async function runP1(progress: (line: string) => void): Promise<P1Row[]> {
  const roles = PRINCIPAL_KINDS.flatMap((principal) => [
    { principal, index: 0, type: "USER_ADMIN" },
    { principal, index: 0, type: "APP_ADMIN" },
  ]);
  // A limit no run reaches: P1 counts calls, pacing is P2's subject.
  const emulator = await startEmulator({ apiToken: BENCH_TOKEN, seed: benchSeed(1, roles), rateLimit: { limit: 1_000_000, windowSeconds: 1 } });
  const client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: BENCH_TOKEN } });
  const rows: P1Row[] = [];
  try {
    for (const kind of P1_KINDS) {
      for (const requestedSize of P1_SIZES) {
        for (const principal of PRINCIPAL_KINDS) {
          const started = Date.now();
          rows.push(...(await measureSet(emulator.url, client, kind, principal, requestedSize)));
          progress(`P1 ${kind} ${principal} n=${requestedSize}: ${Date.now() - started} ms`);
        }
      }
    }
  } finally {
    await emulator.close();
  }
  return rows;
}

async function measureSet(url: string, client: OktaClient, kind: BindingKind, principal: PrincipalKind, requestedSize: number): Promise<P1Row[]> {
  const size = kind === "catalogApp" ? Math.min(requestedSize, catalogCap()) : requestedSize;
  const swapped = Math.ceil(size / 10);
  await resetOrg(url);
  const provider = new BindingProvider({ api: () => client, notify: () => undefined });
  const base = { kind, ...principalArgs(principal, 0), roleType: roleTypeOf(kind) } as BindingInputs;
  const measure = async (work: () => Promise<void>) => {
    await clearRequests(url);
    await work();
    return countByClass(await fetchRequests(url));
  };
  const expectSize = (outs: BindingOutputs | undefined, n: number, what: string): BindingOutputs => {
    if (!outs || outs.targets.length !== n) throw new Error(`P1 ${kind}/${principal}/${size} ${what}: expected ${n} targets, got ${outs?.targets.length}`);
    return outs;
  };

  let id = "";
  let outs: BindingOutputs | undefined;
  const checked = await measure(async () => {
    const r = await provider.check({} as BindingInputs, { ...base, ...targetSet(kind, 0, size) } as BindingInputs);
    if (r.failures?.length) throw new Error(`P1 ${kind}/${principal}/${size} check: ${JSON.stringify(r.failures)}`);
  });
  const created = await measure(async () => {
    const r = await provider.create({ ...base, ...targetSet(kind, 0, size) });
    id = r.id;
    outs = expectSize(r.outs, size, "create");
  });
  const read = await measure(async () => {
    expectSize((await provider.read(id, outs)).props, size, "read");
  });
  const updated = await measure(async () => {
    outs = expectSize((await provider.update(id, outs as BindingOutputs, { ...base, ...targetSet(kind, swapped, size + swapped) })).outs, size, "update");
  });
  const deleted = await measure(() => provider.delete(id, outs as BindingOutputs));

  const measured: [P1Op, ReturnType<typeof countByClass>, number][] = [
    ["check", checked, 0],
    ["create", created, size],
    ["read", read, 0],
    ["update", updated, 2 * swapped],
    ["delete", deleted, size - 1],
  ];
  return measured.map(([op, counts, changed]) => {
    const floorCounts = floorOf(op, size, changed, kind);
    const calls = total(counts);
    const floor = total(floorCounts);
    return {
      kind,
      principal,
      size,
      requestedSize,
      capped: size < requestedSize,
      op,
      changed,
      calls,
      floor,
      ratio: round3(calls / floor),
      ...(op === "read" ? { terraformCalls: calls + (kind === "appInstance" ? size : 0) } : {}),
      why: excessReasons(op, counts, floorCounts),
    };
  });
}
