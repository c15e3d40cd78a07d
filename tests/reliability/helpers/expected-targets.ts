// What the emulator must hold once authoritative bindings converge: each role's targets are
// the union of its bindings' declared sets (plus, for roles the bindings do not manage, the start).
import type { StateDump } from "../../../emulator";
import { ORG } from "../../helpers/test-org";
import type { ReliabilitySpec } from "./reliability-program";
import { targetsIn } from "./log-audit";

/** Role assignment ids of the test org's roles, by principal and role type. */
const ROLE_IDS: Record<string, string> = {
  APP_ADMIN: ORG.APP_ADMIN,
  HELP_DESK_ADMIN: ORG.HELP_DESK_ADMIN,
  USER_ADMIN: ORG.USER_ADMIN,
};

function principalId(args: Record<string, unknown>): string {
  return String(args.userId ?? args.groupId ?? args.clientId);
}

/** `principalId/roleAssignmentId` → the sorted targets the bindings declare there. */
export function expectedTargets(specs: readonly ReliabilitySpec[]): Map<string, { groups: string[]; apps: string[] }> {
  const out = new Map<string, { groups: Set<string>; apps: Set<string> }>();
  for (const s of specs) {
    const ra = String(s.args.roleAssignmentId ?? ROLE_IDS[String(s.args.roleType)]);
    const key = `${principalId(s.args)}/${ra}`;
    const entry = out.get(key) ?? { groups: new Set<string>(), apps: new Set<string>() };
    for (const g of (s.args.groupIds as string[] | undefined) ?? []) entry.groups.add(g);
    for (const a of (s.args.appNames as string[] | undefined) ?? []) entry.apps.add(`catalog:${a}`);
    for (const a of (s.args.apps as { appName: string; appId: string }[] | undefined) ?? []) entry.apps.add(`instance:${a.appName}/${a.appId}`);
    out.set(key, entry);
  }
  return new Map([...out].map(([k, v]) => [k, { groups: [...v.groups].sort(), apps: [...v.apps].sort() }]));
}

/** Targets lost (declared but absent) and extra (present but undeclared) on the bindings' roles. */
export function compareTargets(dump: StateDump, specs: readonly ReliabilitySpec[]): { lost: string[]; extra: string[] } {
  const lost: string[] = [];
  const extra: string[] = [];
  for (const [key, want] of expectedTargets(specs)) {
    const [principal, ra] = key.split("/");
    const have = targetsIn(dump, principal, ra) ?? { groups: [], apps: [] };
    // A binding owns one list (groups, or apps); compare only the lists some binding declares.
    for (const list of ["groups", "apps"] as const) {
      if (want[list].length === 0) continue;
      lost.push(...want[list].filter((t) => !have[list].includes(t)).map((t) => `${key} ${t}`));
      extra.push(...have[list].filter((t) => !want[list].includes(t)).map((t) => `${key} ${t}`));
    }
  }
  return { lost, extra };
}
