// The target → name map a binding shows in preview: keyed by target, so a reviewer reads who gains or loses what.
import { BindingInputs, TargetSummary } from "./binding-types";
import { isUnknown } from "./id-rules";
import { TargetKind, TargetRef, targetKey } from "./target-ref";

/**
 * A binding's targets by key (group id, catalog key or app instance id) → the
 * name people see. The engine shows a map key by key (`+ 00g…: "Sales EMEA"`),
 * where an array would be shown by position.
 */
export type TargetNames = Record<string, string>;

/** A declared target whose key is known, with the input path it came from (`groupIds[2]`). */
export interface DeclaredTarget {
  readonly ref: TargetRef;
  readonly path: string;
}

/** The declared set as far as it is known before apply. */
export interface DeclaredTargets {
  /** The whole set is not known yet (an output of another resource). */
  readonly wholeSetUnknown: boolean;
  /** Targets whose key is known. */
  readonly known: readonly DeclaredTarget[];
  /** Paths of targets whose key is not known until apply. */
  readonly unknownPaths: readonly string[];
}

/** The key under which a target not known until apply is shown; numbered from 1. */
export function pendingKey(n: number): string {
  return `(known after apply) ${n}`;
}

const FIELD: Record<TargetKind, "groupIds" | "appNames" | "apps"> = { group: "groupIds", catalogApp: "appNames", appInstance: "apps" };

/** Splits the declared set (inputs already validated) into known targets and ones known only after apply. */
export function declaredTargets(inputs: BindingInputs, kind: TargetKind): DeclaredTargets {
  const field = FIELD[kind];
  const raw: unknown = inputs[field];
  if (isUnknown(raw) || !Array.isArray(raw)) return { wholeSetUnknown: isUnknown(raw), known: [], unknownPaths: [] };
  const known: DeclaredTarget[] = [];
  const unknownPaths: string[] = [];
  raw.forEach((item: unknown, i) => {
    const path = `${field}[${i}]`;
    if (kind === "appInstance") {
      const app = item as { appName?: unknown; appId?: unknown } | undefined;
      if (isUnknown(app) || isUnknown(app?.appId) || isUnknown(app?.appName)) unknownPaths.push(path);
      else known.push({ ref: { kind, appName: String(app?.appName), appId: String(app?.appId) }, path });
    } else if (isUnknown(item)) {
      unknownPaths.push(path);
    } else {
      known.push({ ref: kind === "group" ? { kind, groupId: String(item) } : { kind, appName: String(item) }, path });
    }
  });
  return { wholeSetUnknown: false, known, unknownPaths };
}

/** What a person calls a target, given what Okta reported for it (or nothing yet). */
export function displayName(ref: TargetRef, summary?: Pick<TargetSummary, "displayName">): string {
  if (ref.kind === "appInstance") {
    const label = summary?.displayName ?? ref.appId;
    return ref.appName ? `${label} (${ref.appName})` : label;
  }
  return summary?.displayName ?? targetKey(ref);
}

/**
 * The map for the declared targets: names already shown for this binding are
 * reused (so an unchanged binding needs no lookup), fresh ones come from
 * `lookedUp`, and targets not known until apply get numbered placeholders.
 */
export function plannedTargetNames(
  declared: DeclaredTargets,
  previous: TargetNames | undefined,
  lookedUp: ReadonlyMap<string, string>,
): TargetNames {
  const names: TargetNames = {};
  for (const { ref } of declared.known) {
    const key = targetKey(ref);
    names[key] = lookedUp.get(key) ?? previous?.[key] ?? displayName(ref);
  }
  declared.unknownPaths.forEach((path, i) => {
    names[pendingKey(i + 1)] = `${path}, known after apply`;
  });
  return names;
}

/** The declared targets that have no name yet: the only ones a preview looks up. */
export function unnamedTargets(declared: DeclaredTargets, previous: TargetNames | undefined): DeclaredTarget[] {
  return declared.known.filter(({ ref }) => previous?.[targetKey(ref)] === undefined);
}

/** The map for targets as Okta reports them (refresh and apply). */
export function observedTargetNames(refs: readonly TargetRef[], summaries: ReadonlyMap<string, TargetSummary>): TargetNames {
  const names: TargetNames = {};
  for (const ref of refs) names[targetKey(ref)] = displayName(ref, summaries.get(targetKey(ref)));
  return names;
}
