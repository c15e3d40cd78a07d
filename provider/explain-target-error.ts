// Turns Okta's bare "not found" for a target write into the mistake behind it: a mistyped catalog key, or an instance under the wrong key.
import { OktaApiError } from "../sdk/errors";
import { nearestMatches } from "./nearest-matches";
import type { TargetLookups } from "./target-lookups";
import type { AppInstanceRef, CatalogAppRef, TargetRef } from "./target-ref";

/** The target write that failed: the planner's add or remove. */
export interface FailedTargetOperation {
  /** Whether the target was being added or removed. */
  readonly type: "add" | "remove";
  /** The target. */
  readonly target: TargetRef;
}

/** Okta's answers to a target write naming an unknown catalog key or a mismatched instance. */
function isNotFoundLike(err: unknown): err is OktaApiError {
  return err instanceof OktaApiError && (err.status === 404 || (err.status === 400 && err.errorCode === "E0000001"));
}

/** `(404 E0000007 on PUT /api/…; X-Okta-Request-Id …)`: what Okta said, for support. */
function okta(err: OktaApiError): string {
  const code = [err.status, err.errorCode].filter((p) => p !== undefined && p !== "").join(" ");
  return `(Okta answered ${code} on ${err.method} ${err.path}${err.requestId ? `; X-Okta-Request-Id ${err.requestId}` : ""})`;
}

async function explainCatalog(err: OktaApiError, target: CatalogAppRef, lookups: TargetLookups): Promise<string | undefined> {
  const keys = await lookups.catalogKeys();
  if (keys.length === 0 || keys.includes(target.appName)) return undefined;
  const near = nearestMatches(target.appName, keys, { limit: 3 });
  const guess = near.length
    ? `did you mean ${near[0]}?${near.length > 1 ? ` The nearest catalog keys are ${near.join(", ")}.` : ""}`
    : "find the key as the name of any instance of the app: okta.app.getApp({ label }).name from @pulumi/okta, or GET /api/v1/apps?q=….";
  return `appNames: ${JSON.stringify(target.appName)} is not an OIN catalog key Okta knows; ${guess} ${okta(err)}`;
}

async function explainInstance(err: OktaApiError, target: AppInstanceRef, lookups: TargetLookups): Promise<string | undefined> {
  const app = await lookups.getApp(target.appId);
  if (!app) {
    return `apps: there is no app instance ${target.appId} in this org; check the id (okta.app.*.id), or remove it from apps if the app was deleted. ${okta(err)}`;
  }
  if (app.name === target.appName) return undefined;
  return (
    `apps: ${target.appId} is a ${app.name} app (${JSON.stringify(app.label)}), not ${target.appName}; write ` +
    `{ appName: ${JSON.stringify(app.name)}, appId: ${JSON.stringify(target.appId)} }. ${okta(err)}`
  );
}

/**
 * A clearer error for a target write that Okta refused as not found, or
 * `undefined` when the look-ups do not confirm a mistake in the target (then
 * keep Okta's own error: the principal or role assignment may be what is
 * missing). A catalog target gets the nearest catalog keys (`slak` → slack);
 * an app instance under the wrong key gets the app's real key ("0oa… is a
 * bookmark app, not salesforce"). A failing look-up also yields `undefined`.
 * The returned error keeps `err` as its `cause`.
 */
export async function explainTargetError(err: unknown, op: FailedTargetOperation, lookups: TargetLookups): Promise<Error | undefined> {
  if (!isNotFoundLike(err) || op.target.kind === "group") return undefined;
  try {
    const message =
      op.target.kind === "catalogApp" ? await explainCatalog(err, op.target, lookups) : await explainInstance(err, op.target, lookups);
    return message === undefined ? undefined : new Error(message, { cause: err });
  } catch {
    return undefined;
  }
}
