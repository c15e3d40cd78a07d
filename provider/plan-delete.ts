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
}

/** The delete planner's answer. */
export interface DeletePlan {
  readonly operations: readonly Operation[];
  /** Left in place under `retain`, so the role stays narrowly scoped. */
  readonly retained?: TargetRef;
  /** Set under `fail` when the binding's targets are the role's last ones. */
  readonly refused?: readonly TargetRef[];
}

/**
 * Plans removing the binding's targets that are still present. If that would
 * leave the role's list (groups, or apps of both kinds) empty, which Okta
 * reads as "all groups" or "all apps", the policy decides: keep the last
 * target, delete the role assignment outright, or refuse.
 */
export function planDelete(input: DeletePlanInput): DeletePlan {
  const present = new Set(actualOfKind(input.actual, input.kind).map(targetKey));
  const removes = sortRefs(input.targets.filter((t) => present.has(targetKey(t))));
  if (removes.length === 0) return { operations: [] };

  const remaining = listSize(input.actual, input.kind) - removes.length;
  if (remaining > 0) return { operations: removes.map((target) => ({ type: "remove", target })) };

  switch (input.lastTarget) {
    case "unassignRole":
      return { operations: [{ type: "unassignRole" }] };
    case "fail":
      return { operations: [], refused: removes };
    case "retain": {
      const retained = removes[removes.length - 1];
      return { operations: removes.slice(0, -1).map((target) => ({ type: "remove", target })), retained };
    }
  }
}
