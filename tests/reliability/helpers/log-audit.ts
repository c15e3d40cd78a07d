// Reads the emulator's request log for what matters to reliability: writes, injected faults,
// retries, and any moment at which a role assignment was left unscoped.
import type { RequestLogEntry, RunningEmulator, StateDump } from "../../../emulator";

const WRITE_METHODS = new Set(["PUT", "POST", "DELETE"]);

/** A write to Okta's API: PUT/POST/DELETE under /api or /oauth2/v1/clients (not the token endpoint). */
export function isApiWrite(e: Pick<RequestLogEntry, "method" | "path">): boolean {
  return WRITE_METHODS.has(e.method) && (e.path.startsWith("/api/") || e.path.startsWith("/oauth2/v1/clients"));
}

/** `true` for 2xx answers. */
export function succeeded(e: RequestLogEntry): boolean {
  return e.status !== null && e.status >= 200 && e.status < 300;
}

const PRINCIPAL = String.raw`/(?:api/v1/users|api/v1/groups|oauth2/v1/clients)/([^/]+)`;
const ROLE_DELETE = new RegExp(`^${PRINCIPAL}/roles/([^/]+)$`);
const ROLE_CREATE = new RegExp(`^${PRINCIPAL}/roles$`);
const ALL_APPS = new RegExp(`^${PRINCIPAL}/roles/([^/]+)/targets/catalog/apps/?$`);
const TARGET = new RegExp(`^(${PRINCIPAL})/roles/([^/]+)/targets/(?:groups/([^/]+)|catalog/apps/([^/]+)(?:/([^/]+))?)$`);

/** Figures of one run. */
export interface RunFigures {
  requests: number;
  faults: number;
  faultsByKind: Record<string, number>;
  /** Requests that carried X-Okta-Retry-Count. */
  retried: number;
  writes: number;
}

/** Counts requests, injected faults and retries in a slice of the log. */
export function figuresOf(entries: readonly RequestLogEntry[]): RunFigures {
  const faultsByKind: Record<string, number> = {};
  for (const e of entries) if (e.fault) faultsByKind[e.fault] = (faultsByKind[e.fault] ?? 0) + 1;
  return {
    requests: entries.length,
    faults: entries.filter((e) => e.fault).length,
    faultsByKind,
    retried: entries.filter((e) => e.retryCount !== undefined).length,
    writes: entries.filter(isApiWrite).length,
  };
}

/** Waits (on the emulator's settle events) until every logged request has been answered or reset. */
export async function allSettled(emulator: RunningEmulator, since = 0): Promise<RequestLogEntry[]> {
  const entries = emulator.requests(since);
  await Promise.all(entries.filter((e) => e.status === null).map((e) => emulator.settled(e.index)));
  return emulator.requests(since);
}

/**
 * Records the order in which requests are answered. A `slow` fault takes effect when it is
 * answered, long after it arrived, so replaying writes must follow this order, not arrival.
 */
export function recordCompletions(emulator: RunningEmulator): { order(): number[]; stop(): void } {
  const log = emulator.runtime.log;
  const original = log.finish.bind(log);
  const order: number[] = [];
  log.finish = (entry, status) => {
    order.push(entry.index);
    original(entry, status);
  };
  return { order: () => [...order], stop: () => void (log.finish = original) };
}

type AppTarget = { catalog: string } | { appName: string; appId: string };
interface ModelRole {
  groups: string[];
  apps: AppTarget[];
}

/** Every role assignment's targets, keyed `principalId/roleAssignmentId`. */
export function targetModel(dump: StateDump): Map<string, ModelRole> {
  const model = new Map<string, ModelRole>();
  for (const p of dump.principals) {
    for (const ra of p.roleAssignments) model.set(`${p.id}/${ra.id}`, { groups: [...ra.groupTargets], apps: [...ra.appTargets] });
  }
  return model;
}

function applyWrite(role: ModelRole, e: RequestLogEntry, m: RegExpExecArray): void {
  const [, , , , group, appName, appId] = m.map((x) => (x === undefined ? x : decodeURIComponent(x)));
  const isCatalog = (t: AppTarget, name: string) => "catalog" in t && t.catalog === name;
  const isInstance = (t: AppTarget, id: string) => "appId" in t && t.appId === id;
  if (group !== undefined) {
    if (e.method === "PUT" && !role.groups.includes(group)) role.groups.push(group);
    if (e.method === "DELETE") role.groups = role.groups.filter((g) => g !== group);
  } else if (appId === undefined) {
    // A catalog target replaces the app's instance targets.
    if (e.method === "PUT") role.apps = [...role.apps.filter((t) => !("appName" in t && t.appName === appName)), ...role.apps.some((t) => isCatalog(t, appName)) ? [] : [{ catalog: appName }]];
    if (e.method === "DELETE") role.apps = role.apps.filter((t) => !isCatalog(t, appName));
  } else {
    // An instance target replaces its app's catalog target.
    if (e.method === "PUT") role.apps = [...role.apps.filter((t) => !isCatalog(t, appName)), ...role.apps.some((t) => isInstance(t, appId)) ? [] : [{ appName, appId }]];
    if (e.method === "DELETE") role.apps = role.apps.filter((t) => !isInstance(t, appId));
  }
}

/**
 * Every moment the log shows a role assignment left unscoped: a role DELETE or re-create
 * (POST roles), a PUT of catalog/apps with no app name (all apps), or, replaying the
 * successful target writes in completion order from `start`, a target list that went from
 * some targets to none. Returns human-readable findings; empty means none.
 */
export function unscopedMoments(start: StateDump, entries: readonly RequestLogEntry[], completionOrder: readonly number[]): string[] {
  const findings: string[] = [];
  const byIndex = new Map(entries.map((e) => [e.index, e]));
  const model = targetModel(start);
  for (const e of entries) {
    if (!isApiWrite(e)) continue;
    if (e.method === "DELETE" && ROLE_DELETE.test(e.path)) findings.push(`role unassigned: #${e.index} DELETE ${e.path} → ${e.status}`);
    if (e.method === "POST" && ROLE_CREATE.test(e.path)) findings.push(`role (re-)created: #${e.index} POST ${e.path} → ${e.status}`);
    if (e.method === "PUT" && ALL_APPS.test(e.path)) findings.push(`role widened to all apps: #${e.index} PUT ${e.path} → ${e.status}`);
  }
  const ordered = completionOrder.map((i) => byIndex.get(i)).filter((e): e is RequestLogEntry => e !== undefined);
  for (const e of ordered) {
    if (!isApiWrite(e) || !succeeded(e)) continue;
    const m = TARGET.exec(e.path);
    if (!m) continue;
    const key = `${decodeURIComponent(m[2])}/${decodeURIComponent(m[3])}`;
    const role = model.get(key);
    if (!role) {
      findings.push(`write to a role assignment absent from the starting state: #${e.index} ${e.method} ${e.path}`);
      continue;
    }
    const before = { groups: role.groups.length, apps: role.apps.length };
    applyWrite(role, e, m);
    if (before.groups > 0 && role.groups.length === 0) findings.push(`group targets went to zero: #${e.index} ${e.method} ${e.path}`);
    if (before.apps > 0 && role.apps.length === 0) findings.push(`app targets went to zero: #${e.index} ${e.method} ${e.path}`);
  }
  return findings;
}

/** A role assignment's targets in the emulator, as sorted strings: group ids, `catalog:name`, `instance:name/id`. */
export function targetsIn(dump: StateDump, principalId: string, roleAssignmentId: string): { groups: string[]; apps: string[] } | undefined {
  const ra = dump.principals.find((p) => p.id === principalId)?.roleAssignments.find((r) => r.id === roleAssignmentId);
  if (!ra) return undefined;
  return {
    groups: [...ra.groupTargets].sort(),
    apps: ra.appTargets.map((t) => ("catalog" in t ? `catalog:${t.catalog}` : `instance:${t.appName}/${t.appId}`)).sort(),
  };
}
