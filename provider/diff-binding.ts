// Pure diff of a binding: identity changes replace, set changes update, nothing else counts.
import { BindingInputs, BindingOutputs } from "./binding-types";
import { desiredRefs } from "./binding-refs";
import { isUnknown } from "./id-rules";
import { targetKey } from "./target-ref";

/** The parts of Pulumi's DiffResult this provider uses. */
export interface BindingDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function setKeys(v: BindingInputs | BindingOutputs): string[] | "unknown" {
  const raw = v.kind === "group" ? v.groupIds : v.kind === "catalogApp" ? v.appNames : v.apps;
  if (isUnknown(raw) || (Array.isArray(raw) && raw.some((x) => isUnknown(x) || isUnknown((x as { appId?: unknown })?.appId)))) {
    return "unknown";
  }
  return desiredRefs(v, v.kind).map(targetKey);
}

/**
 * Compares old outputs with new inputs. Changing the principal or the role
 * replaces the binding; changing the set, mode, lastTarget or assignRole updates it.
 * Order never matters, and nothing else (such as `__provider`) is compared.
 * A target the binding still declares that another binding's write removed
 * earlier in this run (`takenInRun`) is an update too, which puts it back.
 */
export function diffBinding(olds: BindingOutputs, news: BindingInputs, takenInRun: ReadonlySet<string> = new Set()): BindingDiff {
  const replaces: string[] = [];
  for (const f of ["userId", "groupId", "clientId"] as const) {
    if ((olds[f] ?? undefined) !== (news[f] ?? undefined)) replaces.push(f);
  }
  if (news.roleAssignmentId !== undefined) {
    if (news.roleAssignmentId !== olds.roleAssignmentId) replaces.push("roleAssignmentId");
  } else if (news.roleType !== olds.roleType) {
    replaces.push("roleType");
  }
  const newKeys = setKeys(news);
  const oldKeys = setKeys(olds);
  const setChanged = newKeys === "unknown" || oldKeys === "unknown" || !sameSet(oldKeys, newKeys);
  const taken = newKeys !== "unknown" && newKeys.some((k) => takenInRun.has(k));
  const optionChanged =
    (news.mode ?? "authoritative") !== (olds.mode ?? "authoritative") ||
    (news.lastTarget ?? "retain") !== (olds.lastTarget ?? "retain") ||
    (news.assignRole ?? false) !== (olds.assignRole ?? false);
  return {
    changes: replaces.length > 0 || setChanged || optionChanged || taken,
    replaces,
    // The new binding must not be created on the same role before the old one lets go of it.
    deleteBeforeReplace: false,
  };
}
