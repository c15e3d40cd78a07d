// The pure delete planner: remove a binding's targets without ever widening the role.
import { Operation } from "./plan";
import { ActualTargets, TargetKind, TargetRef, actualOfKind, listSize, sortRefs, targetKey } from "./target-ref";

/** What destroy does when removing the binding's targets would leave the role with none. */
export type LastTargetPolicy = "retain" | "unassignRole" | "fail";

/** What the delete planner needs to know. */
export interface DeletePlanInput {
  readonly kind: TargetKind;
  /** The binding's targets, from its state. */
  readonly targets: readonly TargetRef[];
  readonly actual: ActualTargets;
  readonly lastTarget: LastTargetPolicy;
  /** Keys of `kind` that live bindings of the program declare: never removed. */
  readonly claimedByOthers?: readonly string[];
  /** A live binding of the program uses this role assignment: never unassign it. */
  readonly roleUsedByOthers?: boolean;
}

/** The delete planner's answer. */
export interface DeletePlan {
  readonly operations: readonly Operation[];
  /** Left in place under `retain`, so the role stays narrowly scoped. */
  readonly retained?: TargetRef;
  /** Set under `fail` when the binding's targets are the role's last ones. */
  readonly refused?: readonly TargetRef[];
  /** Left in place because other live bindings declare them. */
  readonly shared?: readonly TargetRef[];
  /** True when `unassignRole` was asked for but another live binding uses the role, so `retained` is kept instead. */
  readonly roleKept?: boolean;
}

/**
 * Plans removing the binding's targets that are still present. If that would
 * leave the role's list (groups, or apps of both kinds) empty, which Okta
 * reads as "all groups" or "all apps", the policy decides: keep the last
 * target, delete the role assignment outright, or refuse.
 */
export function planDelete(input: DeletePlanInput): DeletePlan {
  const present = new Set(actualOfKind(input.actual, input.kind).map(targetKey));
  const claimed = new Set(input.claimedByOthers ?? []);
  const mine = sortRefs(input.targets.filter((t) => present.has(targetKey(t))));
  const shared = mine.filter((t) => claimed.has(targetKey(t)));
  const removes = mine.filter((t) => !claimed.has(targetKey(t)));
  const withShared = shared.length ? { shared } : {};
  if (removes.length === 0) return { operations: [], ...withShared };

  const remaining = listSize(input.actual, input.kind) - removes.length;
  if (remaining > 0) return { operations: removes.map((target) => ({ type: "remove", target })), ...withShared };

  const policy = input.lastTarget === "unassignRole" && input.roleUsedByOthers ? "retain" : input.lastTarget;
  switch (policy) {
    case "unassignRole":
      return { operations: [{ type: "unassignRole" }] };
    case "fail":
      return { operations: [], refused: removes };
    case "retain": {
      const retained = removes[removes.length - 1];
      const roleKept = input.lastTarget === "unassignRole" ? { roleKept: true } : {};
      return { operations: removes.slice(0, -1).map((target) => ({ type: "remove", target })), retained, ...roleKept };
    }
  }
}
