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

/**
 * One GET per new group or app instance (catalog keys are their own names).
 * A 404 becomes a failure on the input path, unless the binding declared that
 * target before (then it was deleted in Okta: drift, reported in `gone`); a 403
 * leaves the id as the name and reports the scope to grant; anything else (a
 * bad credential) throws.
 */
export async function lookUpTargetNames(
  api: AppDirectoryApi,
  targets: readonly DeclaredTarget[],
  declaredBefore: ReadonlySet<string> = new Set(),
): Promise<LookedUpNames> {
  const out: LookedUpNames = { names: new Map(), failures: [], missingScopes: [], gone: [], calls: 0 };
  const calls = { n: 0 };
  for (const { ref, path } of targets) {
    if (ref.kind === "catalogApp") continue;
    calls.n++;
    try {
      if (ref.kind === "group") {
        const group = await api.getGroup(ref.groupId);
        out.names.set(ref.groupId, group.profile?.name ?? ref.groupId);
        continue;
      }
      const app = await api.getApp(ref.appId);
      if (app.name !== ref.appName) {
        out.failures.push({
          property: `${path}.appName`,
          reason: `${ref.appId} is ${/^[aeiou]/i.test(app.name) ? "an" : "a"} ${app.name} app${app.label ? ` ("${app.label}")` : ""}, not ${ref.appName}; set appName: "${app.name}"`,
        });
        continue;
      }
      out.names.set(ref.appId, displayName(ref, { displayName: app.label ?? ref.appId }));
    } catch (err) {
      const code = status(err);
      const key = targetKey(ref);
      if (code === 404 && declaredBefore.has(key)) {
        out.names.set(key, "not found in Okta (404)");
        out.gone.push(describeTarget(ref));
      } else if (code === 404) {
        out.failures.push({
          property: ref.kind === "group" ? path : `${path}.appId`,
          reason:
            ref.kind === "group"
              ? `Okta has no group ${key} in this org (404). Check the id: a group id starts with 00g; look it up with okta.group.getGroup({ name }) or in the admin console`
              : `Okta has no app instance ${key} in this org (404). Check the id: an app id starts with 0oa; look it up with okta.app.getApp({ label }) or in the admin console`,
        });
      } else if (code === 403) {
        const scope = ref.kind === "group" ? "okta.groups.read" : "okta.apps.read";
        if (!out.missingScopes.includes(scope)) out.missingScopes.push(scope);
      } else {
        throw err;
      }
    }
  }
  return { ...out, calls: calls.n };
}
