// The API-call floor of each binding operation, and why a measured count sits above it.
import type { RequestClass } from "./emulator-log";

/** Okta's largest page of role targets. */
export const PAGE_SIZE = 200;

export type P1Op = "check" | "create" | "read" | "update" | "delete";

/** Group ids per existence search at check (the provider's `GROUPS_PER_SEARCH`). */
export const GROUPS_PER_CHECK_SEARCH = 20;

/** List calls to read a set of n targets: ceil(n/200), and at least one call even for an empty list. */
export const listPages = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));

/**
 * The fewest calls each operation could make, by class:
 * - create: 1 role lookup (roleType → assignment id) + one list of the set + one write per target;
 * - read (no-op refresh): one list of the set (the assignment id is in state, so no lookup);
 * - update: one list of the set + one write per changed target (k removed + k added);
 * - delete: one list of the set + one write per target but the last, which lastTarget "retain" keeps;
 * - check of a create (preview, and again before apply): 1 role lookup + one list of the role's current
 *   targets (to show what it adopts), plus the look-ups that refuse unknown ids before any write:
 *   one group search per 20 groups, one app GET per instance, none for catalog keys.
 */
export function floorOf(op: P1Op, n: number, changed: number, kind = "group"): Record<RequestClass, number> {
  const list = listPages(n);
  switch (op) {
    case "check": {
      const lookups = kind === "group" ? Math.ceil(n / GROUPS_PER_CHECK_SEARCH) : kind === "appInstance" ? n : 0;
      return { roleLookup: 1, list: 1, write: 0, other: lookups };
    }
    case "create":
      return { roleLookup: 1, list, write: n, other: 0 };
    case "read":
      return { roleLookup: 0, list, write: 0, other: 0 };
    case "update":
      return { roleLookup: 0, list, write: changed, other: 0 };
    case "delete":
      return { roleLookup: 0, list, write: n - 1, other: 0 };
  }
}

/** Total of a class count. */
export const total = (c: Record<RequestClass, number>) => c.roleLookup + c.list + c.write + c.other;

/** Plain words for every class in which the measured count exceeds the floor; empty when it does not. */
export function excessReasons(op: P1Op, measured: Record<RequestClass, number>, floor: Record<RequestClass, number>): string[] {
  const reasons: string[] = [];
  const extra = (c: RequestClass) => measured[c] - floor[c];
  if (extra("list") > 0) {
    reasons.push(
      op === "create" || op === "update"
        ? `+${extra("list")} list: ${op} lists once before writing and again after adding, to report the added targets' names ` +
            `(${measured.list} list calls where one list of the set takes ${floor.list})`
        : `+${extra("list")} list calls beyond one list of the set`,
    );
  }
  if (extra("write") > 0) reasons.push(`+${extra("write")} writes beyond one per changed target`);
  if (extra("roleLookup") > 0) reasons.push(`+${extra("roleLookup")} role lookups`);
  if (extra("other") > 0) reasons.push(`+${extra("other")} other calls (app lookups)`);
  return reasons;
}
