// Audits bindings with assignRole in the emulator's state and request log: each role they create is
// scoped by its first declared target before any other request to it, or unassigned again.
import type { RequestLogEntry, StateDump } from "../../../emulator";
import { succeeded } from "./log-audit";
import type { ReliabilitySpec } from "./reliability-program";

/** The principal id a binding names (userId, groupId or clientId). */
export function ownerPrincipal(spec: ReliabilitySpec): string {
  return String(spec.args.userId ?? spec.args.groupId ?? spec.args.clientId);
}

/** Which target list narrows the binding's role: group targets, or app targets. */
function listOf(spec: ReliabilitySpec): "groups" | "apps" {
  return spec.type === "GroupTargetBinding" ? "groups" : "apps";
}

/** The binding's declared targets as sorted strings, in the form of {@link targetsOf}. */
function declared(spec: ReliabilitySpec): string[] {
  const groups = (spec.args.groupIds as string[] | undefined) ?? [];
  const catalog = ((spec.args.appNames as string[] | undefined) ?? []).map((a) => `catalog:${a}`);
  const instances = ((spec.args.apps as { appName: string; appId: string }[] | undefined) ?? []).map((a) => `instance:${a.appName}/${a.appId}`);
  return [...groups, ...catalog, ...instances].sort();
}

/** The path, below `/roles/{id}/targets`, of the binding's first declared target. */
export function firstTargetPath(spec: ReliabilitySpec): string {
  const groups = spec.args.groupIds as string[] | undefined;
  if (groups) return `/groups/${groups[0]}`;
  const names = spec.args.appNames as string[] | undefined;
  if (names) return `/catalog/apps/${names[0]}`;
  const [app] = spec.args.apps as { appName: string; appId: string }[];
  return `/catalog/apps/${app.appName}/${app.appId}`;
}

type DumpedRole = StateDump["principals"][number]["roleAssignments"][number];

function roleOf(dump: StateDump, spec: ReliabilitySpec): DumpedRole | undefined {
  return dump.principals.find((p) => p.id === ownerPrincipal(spec))?.roleAssignments.find((r) => r.type === spec.args.roleType);
}

function targetsOf(role: DumpedRole, list: "groups" | "apps"): string[] {
  if (list === "groups") return [...role.groupTargets].sort();
  return role.appTargets.map((t) => ("catalog" in t ? `catalog:${t.catalog}` : `instance:${t.appName}/${t.appId}`)).sort();
}

/** Each owner whose role is assigned with no target of its kind (Okta reads that as ALL groups or apps). */
export function unscopedOwnedRoles(dump: StateDump, owners: readonly ReliabilitySpec[]): string[] {
  return owners.flatMap((s) => {
    const role = roleOf(dump, s);
    return role && targetsOf(role, listOf(s)).length === 0 ? [`${s.name}: ${s.args.roleType} ${role.id} on ${ownerPrincipal(s)} has no ${listOf(s)} targets`] : [];
  });
}

/** Each owner whose role is missing or holds other targets than declared; empty once converged. */
export function ownedRoleMismatches(dump: StateDump, owners: readonly ReliabilitySpec[]): string[] {
  return owners.flatMap((s) => {
    const role = roleOf(dump, s);
    if (!role) return [`${s.name}: ${s.args.roleType} not assigned to ${ownerPrincipal(s)}`];
    const have = targetsOf(role, listOf(s));
    return have.join(",") === declared(s).join(",") ? [] : [`${s.name}: holds [${have.join(", ")}], declares [${declared(s).join(", ")}]`];
  });
}

/** A role assignment a binding's create made, found in the log. */
export interface CreatedRole {
  principalId: string;
  roleId: string;
  /** Log index of the POST that created it. */
  postIndex: number;
  /** Log index of the first target write Okta accepted on it, if any. */
  scopedIndex?: number;
  /** Log index of the DELETE that took it back, if any. */
  undoneIndex?: number;
}

const ROLE_POST = /\/(?:users|groups|clients)\/([^/]+)\/roles$/;

/**
 * Finds every role a successful `POST …/roles` created and checks, like the assignRole
 * end-to-end test, that the next request to that role adds one of its owner's first declared
 * targets; retries of that add may follow, and then either an accepted add or the role's
 * DELETE (the rollback), before any other request to the role. `startIds` are the
 * `principalId/roleId` keys of the roles that existed before the run. Okta's ids of standard
 * roles are per role type, so a role taken back and assigned again comes back with its id.
 */
export function auditCreatedRoles(
  entries: readonly RequestLogEntry[],
  owners: readonly ReliabilitySpec[],
  startIds: ReadonlySet<string>,
): { created: CreatedRole[]; findings: string[] } {
  const created: CreatedRole[] = [];
  const findings: string[] = [];
  const taken = new Set(startIds);
  entries.forEach((post, at) => {
    const m = post.method === "POST" && succeeded(post) ? ROLE_POST.exec(post.path) : null;
    if (!m) return;
    const principalId = m[1];
    const under = `/${principalId}/roles/`;
    // Requests to the same principal's role lookups take turns with this create, so the first
    // request to a role id not seen before is the first request to the new role.
    const idIn = (e: RequestLogEntry) => e.path.slice(e.path.indexOf(under) + under.length).split("/")[0];
    const first = entries.slice(at + 1).find((e) => e.path.includes(under) && !taken.has(`${principalId}/${idIn(e)}`));
    if (!first) {
      findings.push(`#${post.index} POST ${post.path} created a role no later request touched: it was left unscoped`);
      return;
    }
    const roleId = idIn(first);
    taken.add(`${principalId}/${roleId}`);
    const role: CreatedRole = { principalId, roleId, postIndex: post.index };
    created.push(role);
    const firstPaths = owners.filter((s) => ownerPrincipal(s) === principalId).map((s) => `${under}${roleId}/targets${firstTargetPath(s)}`);
    const toRole = entries.slice(at + 1).filter((e) => e.path.includes(`${under}${roleId}`));
    const addPath = toRole[0].path;
    for (const e of toRole) {
      const isFirstAdd = e.method === "PUT" && firstPaths.some((f) => e.path.endsWith(f)) && e.path === addPath;
      const isUndo = e.method === "DELETE" && e.path.endsWith(`${under}${roleId}`);
      if (!isFirstAdd && !isUndo) {
        findings.push(`#${e.index} ${e.method} ${e.path} reached role ${roleId} (created by #${post.index}) before its first target`);
        return;
      }
      if (isUndo) {
        role.undoneIndex = e.index;
        if (succeeded(e)) return void taken.delete(`${principalId}/${roleId}`);
      } else if (succeeded(e)) {
        role.scopedIndex = e.index;
        return;
      }
    }
    findings.push(`role ${roleId} (created by #${post.index}) was neither scoped nor unassigned`);
  });
  return { created, findings };
}

/**
 * The run's starting state with the roles it created added, empty, so that `unscopedMoments`
 * can follow their target writes; and the log without those roles' POSTs and rollback DELETEs,
 * which {@link auditCreatedRoles} has already judged.
 */
export function forUnscopedAudit(
  start: StateDump,
  entries: readonly RequestLogEntry[],
  created: readonly CreatedRole[],
): { start: StateDump; entries: RequestLogEntry[] } {
  const principals = start.principals.map((p) => ({ ...p, roleAssignments: [...p.roleAssignments] }));
  for (const c of created) {
    let p = principals.find((x) => x.id === c.principalId);
    if (!p) {
      p = { kind: "user", id: c.principalId, roleAssignments: [] } as (typeof principals)[number];
      principals.push(p);
    }
    p.roleAssignments.push({ id: c.roleId, type: "created", lastUpdated: "", groupTargets: [], appTargets: [] });
  }
  const posts = new Set(created.map((c) => c.postIndex));
  // Taking a created role back leaves its principal as before the run, never wider.
  const undo = (e: RequestLogEntry) => e.method === "DELETE" && created.some((c) => e.path.endsWith(`/${c.principalId}/roles/${c.roleId}`));
  // Failed role POSTs created nothing; the rest were judged above.
  const rest = entries.filter((e) => !posts.has(e.index) && !undo(e) && !(e.method === "POST" && ROLE_POST.test(e.path) && !succeeded(e)));
  return { start: { ...start, principals }, entries: rest };
}
