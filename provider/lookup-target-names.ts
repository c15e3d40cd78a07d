// Looks up the names of targets new to a binding, and refuses ids Okta does not know, before anything is written.
import { OktaApiError } from "../sdk/errors";
import { AppDirectoryApi } from "../sdk/types";
import { DeclaredTarget, displayName } from "./target-names";
import { describeTarget, targetKey } from "./target-ref";
import { InputFailure } from "./validate-inputs";

/** Names found, ids refused, and the read scopes the credentials lacked. */
export interface LookedUpNames {
  readonly names: Map<string, string>;
  readonly failures: InputFailure[];
  /** Scopes such as `okta.groups.read` whose absence kept a name hidden. */
  readonly missingScopes: string[];
  /** Targets the binding declared before that Okta no longer has, described for a person. */
  readonly gone: string[];
  /** How many calls were made. */
  readonly calls: number;
}

function status(err: unknown): number | undefined {
  return err instanceof OktaApiError ? err.status : undefined;
}

/** Ids per group search: keeps the URL short (each clause is about 25 characters). */
export const GROUPS_PER_SEARCH = 20;

/**
 * Names the targets new to a binding: one group search per 20 new groups, one
 * `GET /api/v1/apps/{id}` per new app instance (catalog keys are their own
 * names). An id Okta does not know becomes a failure on its input path, unless
 * the binding declared that target before (it was deleted in Okta: drift,
 * reported in `gone`); a 403 leaves ids as names and reports the scope to
 * grant; anything else (a bad credential) throws.
 */
export async function lookUpTargetNames(
  api: AppDirectoryApi,
  targets: readonly DeclaredTarget[],
  declaredBefore: ReadonlySet<string> = new Set(),
): Promise<LookedUpNames> {
  const out: LookedUpNames = { names: new Map(), failures: [], missingScopes: [], gone: [], calls: 0 };
  let calls = 0;
  const unknown = (target: DeclaredTarget) => {
    const key = targetKey(target.ref);
    if (declaredBefore.has(key)) {
      out.names.set(key, "not found in Okta (404)");
      out.gone.push(describeTarget(target.ref));
    } else {
      out.failures.push(notFoundFailure(target));
    }
  };
  const denied = (scope: string) => {
    if (!out.missingScopes.includes(scope)) out.missingScopes.push(scope);
  };
  const groups = targets.filter((t) => t.ref.kind === "group");
  for (let i = 0; i < groups.length; i += GROUPS_PER_SEARCH) {
    const batch = groups.slice(i, i + GROUPS_PER_SEARCH);
    calls++;
    try {
      const found = new Map((await api.listGroupsById(batch.map((t) => targetKey(t.ref)))).map((g) => [g.id, g.profile?.name ?? g.id]));
      for (const target of batch) {
        const name = found.get(targetKey(target.ref));
        if (name === undefined) unknown(target);
        else out.names.set(targetKey(target.ref), name);
      }
    } catch (err) {
      if (status(err) !== 403) throw err;
      denied("okta.groups.read");
    }
  }
  for (const target of targets) {
    const ref = target.ref;
    if (ref.kind !== "appInstance") continue;
    calls++;
    try {
      const app = await api.getApp(ref.appId);
      if (app.name !== ref.appName) {
        out.failures.push({
          property: `${target.path}.appName`,
          reason: `${ref.appId} is ${/^[aeiou]/i.test(app.name) ? "an" : "a"} ${app.name} app${app.label ? ` ("${app.label}")` : ""}, not ${ref.appName}; set appName: "${app.name}"`,
        });
      } else {
        out.names.set(ref.appId, displayName(ref, { displayName: app.label ?? ref.appId }));
      }
    } catch (err) {
      const code = status(err);
      if (code === 404) unknown(target);
      else if (code === 403) denied("okta.apps.read");
      else throw err;
    }
  }
  return { ...out, calls };
}

function notFoundFailure({ ref, path }: DeclaredTarget): InputFailure {
  const key = targetKey(ref);
  return ref.kind === "group"
    ? {
        property: path,
        reason: `Okta has no group ${key} in this org (404). Check the id: a group id starts with 00g; look it up with okta.group.getGroup({ name }) or in the admin console`,
      }
    : {
        property: `${path}.appId`,
        reason: `Okta has no app instance ${key} in this org (404). Check the id: an app id starts with 0oa; look it up with okta.app.getApp({ label }) or in the admin console`,
      };
}
