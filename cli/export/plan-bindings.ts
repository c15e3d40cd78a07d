// Chooses the bindings to export from an audit report: one per role assignment and kind of target, filtered.
import type { AuditAssignment, AuditReport, AuditTarget } from "../audit/audit-report";
import type { ExportFlags } from "../cli-options";
import type { BindingClass, ExportBinding, ExportTarget } from "./export-binding";
import { uniqueNames } from "./resource-names";

/** The bindings, and the assignments left out because their role takes no targets. */
export interface ExportPlan {
  bindings: ExportBinding[];
  untargetable: AuditAssignment[];
}

const KIND_OF: Record<AuditTarget["kind"], ExportFlags["kinds"][number]> = { group: "groups", catalogApp: "catalogApps", appInstance: "appInstances" };
const CLASS_OF: Record<ExportFlags["kinds"][number], BindingClass> = { groups: "GroupTargetBinding", catalogApps: "AppTargetBinding", appInstances: "AppInstanceTargetBinding" };
const SUFFIX: Record<BindingClass, string> = { GroupTargetBinding: "groups", AppTargetBinding: "apps", AppInstanceTargetBinding: "app-instances" };

/**
 * Plans the program. `appKeys` maps app instance ids to their catalog keys. An unscoped role
 * becomes one commented-out binding with a TODO (a group role: GroupTargetBinding; APP_ADMIN:
 * AppTargetBinding), so the decision is visible and nothing is widened or narrowed silently.
 */
export function planBindings(report: AuditReport, flags: Pick<ExportFlags, "principals" | "roles" | "kinds">, appKeys: Map<string, string>): ExportPlan {
  const chosen = report.assignments.filter((a) => flags.principals.includes(a.holder.kind) && (flags.roles === undefined || flags.roles.includes(a.roleType)));
  const untargetable = chosen.filter((a) => a.targetKind === null);
  const drafts: Omit<ExportBinding, "resourceName">[] = [];
  for (const a of chosen) {
    if (a.targetKind === null) continue;
    if (a.unscoped) {
      const kind = a.targetKind === "groups" ? "groups" : "catalogApps";
      if (!flags.kinds.includes(kind)) continue;
      const todo = `TODO: ${describe(a)} holds ${a.roleType} with no ${a.targetKind} targets, so it applies to ALL ${a.targetKind}. Choose the ${a.targetKind} it should manage, list them, and uncomment; or remove the role.`;
      drafts.push({ className: CLASS_OF[kind], assignment: a, targets: [], todo });
      continue;
    }
    for (const kind of flags.kinds) {
      const targets = a.targets.filter((t) => KIND_OF[t.kind] === kind).map((t) => exportTarget(t, appKeys));
      if (targets.length > 0) drafts.push({ className: CLASS_OF[kind], assignment: a, targets });
    }
  }
  const names = uniqueNames(drafts.map((d) => ({ base: `${d.assignment.holder.kind}-${d.assignment.holder.name}-${d.assignment.roleType}-${SUFFIX[d.className]}`, id: d.assignment.holder.id })));
  return { bindings: drafts.map((d, i) => ({ ...d, resourceName: names[i] ?? "" })), untargetable };
}

/** "user alice@example.com (00u…)". */
export function describe(a: AuditAssignment): string {
  return `${a.holder.kind} ${a.holder.name} (${a.holder.id})`;
}

function exportTarget(t: AuditTarget, appKeys: Map<string, string>): ExportTarget {
  if (t.kind !== "appInstance") return { id: t.id, name: t.name };
  const appName = appKeys.get(t.id);
  if (appName === undefined) throw new Error(`the catalog key of app instance ${t.id} (${t.name}) is unknown: export reads it from the org, so give the org's settings too`);
  return { id: t.id, name: t.name, appName };
}
