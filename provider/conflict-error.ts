// Explains a catalog-vs-instance conflict in words a person can act on.
import { TargetSummary } from "./binding-types";
import { Conflict } from "./plan";
import { describeTarget, targetKey } from "./target-ref";

/** Builds the error for conflicts: what would be replaced, and what to do about it. */
export function conflictError(conflicts: readonly Conflict[], names: ReadonlyMap<string, TargetSummary>): Error {
  const lines = conflicts.map((c) => {
    const replaced = c.replaces
      .map((r) => {
        const label = names.get(targetKey(r))?.displayName;
        return label && label !== targetKey(r) ? `${describeTarget(r)} ("${label}")` : describeTarget(r);
      })
      .join(", ");
    return `  - adding ${describeTarget(c.target)} would make Okta drop ${replaced}`;
  });
  return new Error(
    "refusing to change targets: in Okta a catalog app target and instance targets of the same app replace each other, " +
      "and these targets were put there by another binding or by hand:\n" +
      `${lines.join("\n")}\n` +
      "Nothing was changed. Remove the other targets first (or the binding that owns them), " +
      "or declare either the whole app (AppTargetBinding) or its instances (AppInstanceTargetBinding), not both.",
  );
}
