// Says, before anything is written, what a new binding will do to targets a role already has.
import { BindingMode } from "./plan";
import { TargetNames } from "./target-names";
import { TargetKind, TargetRef, actualOfKind, ActualTargets, targetKey } from "./target-ref";

/** What a create will find and do, as a person reads it. */
export interface AdoptionNotice {
  /** `warning` when targets will be removed, else `info`. */
  readonly severity: "info" | "warning";
  readonly message: string;
}

function list(keys: readonly string[], names: TargetNames): string {
  return keys.map((k) => (names[k] && names[k] !== k ? `${k} "${names[k]}"` : k)).join(", ");
}

/**
 * Describes a create on a role that already has targets of the binding's kind:
 * which declared ones it adopts, and which undeclared ones it removes
 * (authoritative) or leaves alone (additive). `undefined` when the role has none.
 */
export function describeAdoption(args: {
  readonly kind: TargetKind;
  readonly mode: BindingMode;
  readonly role: string;
  readonly desired: readonly TargetRef[];
  readonly actual: ActualTargets;
  /** Names of the targets the role has now. */
  readonly names: TargetNames;
}): AdoptionNotice | undefined {
  const present = actualOfKind(args.actual, args.kind).map(targetKey);
  if (present.length === 0) return undefined;
  const declared = new Set(args.desired.map(targetKey));
  const adopted = present.filter((k) => declared.has(k));
  const others = present.filter((k) => !declared.has(k));
  const parts = [`${args.role} already has ${present.length} target${present.length === 1 ? "" : "s"} of this kind`];
  if (adopted.length) parts.push(`adopts ${list(adopted, args.names)}`);
  if (others.length && args.mode === "authoritative") {
    parts.push(`removes ${list(others, args.names)} (not declared; the binding is authoritative)`);
  } else if (others.length) {
    parts.push(`leaves ${list(others, args.names)} in place (additive)`);
  }
  const removes = others.length > 0 && args.mode === "authoritative";
  return { severity: removes ? "warning" : "info", message: `${parts.join("; ")}.` };
}
