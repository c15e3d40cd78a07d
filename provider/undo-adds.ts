// All or nothing: after a create or update failed part-way, takes back the targets it added, never widening the role.
import { Principal, RoleTargetsApi } from "../sdk/types";
import { applyOperations } from "./apply-operations";
import { TargetKind, TargetRef, describeTarget } from "./target-ref";

/** What the failed write did and where. */
export interface UndoRequest {
  readonly principal: Principal;
  readonly roleAssignmentId: string;
  /** Targets this write added before it failed, in the order it added them. */
  readonly added: readonly TargetRef[];
  /** How many targets the role's list (groups, or apps) held before the write. */
  readonly listSizeBefore: number;
  /** The kind the write managed, for the words "ALL groups" or "ALL apps". */
  readonly kind: TargetKind;
}

const list = (refs: readonly TargetRef[]) => refs.map(describeTarget).join(", ");

/**
 * Removes the targets a failed write added, newest first, and returns the
 * sentence to append to its error. The role's earlier targets stay in place,
 * so it never passes through zero targets. When the role had none before (it
 * applied to ALL groups or apps), the added targets are kept: taking them back
 * would widen the role again, and the next run owns them.
 */
export async function undoAdds(api: RoleTargetsApi, req: UndoRequest): Promise<string> {
  if (req.added.length === 0) return "Nothing was changed.";
  if (req.listSizeBefore === 0) {
    return (
      `Kept ${list(req.added)}, added before the failure: the role had no ${req.kind === "group" ? "group" : "app"} targets before, ` +
      `so it applied to ALL ${req.kind === "group" ? "groups" : "apps"}, and taking ${req.added.length === 1 ? "it" : "them"} back ` +
      `would widen it again. The next \`pulumi up\` owns ${req.added.length === 1 ? "it" : "them"}.`
    );
  }
  const undone: TargetRef[] = [];
  for (const target of [...req.added].reverse()) {
    try {
      await applyOperations(api, req.principal, req.roleAssignmentId, [{ type: "remove", target }]);
      undone.push(target);
    } catch (err) {
      const left = req.added.filter((t) => !undone.includes(t));
      return (
        `Undid ${undone.length ? list(undone) : "nothing"}; could not take back ${list(left)} (${(err as Error).message.split("\n")[0]}). ` +
        "They stay on the role and are not recorded in state: run `pulumi up` again to own them, or remove them in Okta."
      );
    }
  }
  return `Undid the ${undone.length === 1 ? "add" : `${undone.length} adds`} made before the failure (${list(undone)}), so the role holds what it held before.`;
}
