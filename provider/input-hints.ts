// Recognises the common mix-ups in binding inputs (an id of the wrong kind, a name where an id belongs) and says what to write.
import { OktaObjectKind, oktaObjectKindOf } from "./id-rules";

/** What a principal or target field expects. */
export type ExpectedId = "user" | "group" | "client" | "app";

const WHAT: Readonly<Record<OktaObjectKind, string>> = {
  user: "a user id (00u…)",
  group: "a group id (00g…)",
  app: "an app id (0oa…)",
};

/** The principal field that takes an id of each kind. */
const PRINCIPAL_FIELD: Readonly<Record<OktaObjectKind, string>> = { user: "userId", group: "groupId", app: "clientId" };

/**
 * For a principal field (`userId`, `groupId`, `clientId`) holding an id whose
 * prefix shows it belongs in another one, the reason to report; else `undefined`.
 */
export function misplacedPrincipal(field: "userId" | "groupId" | "clientId", v: unknown): string | undefined {
  const actual = oktaObjectKindOf(v);
  if (actual === undefined || PRINCIPAL_FIELD[actual] === field) return undefined;
  const set = PRINCIPAL_FIELD[actual];
  const holder = actual === "app" ? "an OAuth service app (its client id is its app id)" : `the ${actual}`;
  return `${JSON.stringify(v)} is ${WHAT[actual]}, not ${field === "clientId" ? "an OAuth client id" : WHAT[field === "userId" ? "user" : "group"]}; to give the role to ${holder}, set ${set} instead of ${field}`;
}

/**
 * For a target (`groupIds[i]`, `apps[i].appId`) holding an id of the wrong kind,
 * the reason to report; else `undefined`.
 */
export function misplacedTarget(expected: "group" | "app", v: unknown): string | undefined {
  const actual = oktaObjectKindOf(v);
  if (actual === undefined || actual === expected) return undefined;
  const wanted = WHAT[expected];
  if (actual === "user") return `${JSON.stringify(v)} is ${WHAT.user}, not ${wanted}; a user cannot be a role target. List ${wanted.replace(/^an? /, "")}s here`;
  if (actual === "app") {
    return `${JSON.stringify(v)} is ${WHAT.app}, not ${wanted}; to scope APP_ADMIN to that app, declare it with AppInstanceTargetBinding: apps: [{ appName: "<its catalog key>", appId: ${JSON.stringify(v)} }]`;
  }
  return `${JSON.stringify(v)} is ${WHAT.group}, not ${wanted}; group targets belong in GroupTargetBinding's groupIds`;
}

/** True when `v` reads as a person's name for something (starts with a letter, not an id prefix). */
function looksLikeName(v: unknown): v is string {
  return typeof v === "string" && /^\p{L}/u.test(v.trim()) && !/^0oa|^00/.test(v.trim());
}

/**
 * For a group field (`groupId`, `groupIds[i]`) holding what looks like a group's
 * name, how to find its id; else `undefined`. Okta group ids always start `00g`.
 */
export function groupNameHint(v: unknown): string | undefined {
  if (!looksLikeName(v)) return undefined;
  const name = JSON.stringify(v);
  return (
    `${name} looks like a group name, but Okta group ids start with 00g. Find the id with ` +
    `okta.group.getGroup({ name: ${name} }).id from @pulumi/okta, in the Admin Console (Directory > Groups > the group: ` +
    `the id is the last part of the page's URL), or with GET /api/v1/groups?q=${encodeURIComponent(v.trim())}`
  );
}

/** For `userId` holding a login or email address, how to find the user's id; else `undefined`. */
export function loginHint(v: unknown): string | undefined {
  if (typeof v !== "string" || !/^[^\s@]+@[^\s@]+$/.test(v.trim())) return undefined;
  const login = v.trim();
  return (
    `${JSON.stringify(login)} looks like a login, but userId takes the user's id (00u…). Find it with ` +
    `okta.user.getUser({ searches: [{ name: "profile.login", value: ${JSON.stringify(login)} }] }).id from @pulumi/okta, ` +
    `or with GET /api/v1/users/${encodeURIComponent(login)}`
  );
}

/**
 * For `appNames[i]` holding a display name instead of a catalog key, how to
 * find the key; else `undefined`.
 */
export function catalogKeyHint(v: unknown): string | undefined {
  if (!looksLikeName(v)) return undefined;
  return (
    "appNames takes OIN catalog keys such as salesforce or bookmark, not display names; an app's key is the " +
    `name of any of its instances: okta.app.getApp({ label: ${JSON.stringify(v.trim())} }).name from @pulumi/okta, or GET /api/v1/apps?q=…`
  );
}

/** @pulumi/okta writes an app instance target as `"<appName>.<appId>"`; this splits one. */
export function splitPulumiOktaAppTarget(v: unknown): { appName: string; appId: string } | undefined {
  if (typeof v !== "string") return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,99})\.([A-Za-z0-9]{1,64})$/.exec(v.trim());
  return m && oktaObjectKindOf(m[2]) === "app" ? { appName: m[1], appId: m[2] } : undefined;
}

/**
 * For a catalog entry that names an app instance (`"bookmark.0oa…"` as
 * @pulumi/okta's `okta.AdminRoleTargets` writes it, or a bare `0oa…` id), where to
 * declare it instead; else `undefined`.
 */
export function instanceInAppNames(v: unknown): string | undefined {
  const split = splitPulumiOktaAppTarget(v);
  if (split) {
    return (
      `${JSON.stringify(v)} is @pulumi/okta's "appName.appId" form of one app instance; AppTargetBinding takes whole ` +
      `catalog apps only. Declare the instance with AppInstanceTargetBinding: apps: [{ appName: ${JSON.stringify(split.appName)}, appId: ${JSON.stringify(split.appId)} }]`
    );
  }
  if (oktaObjectKindOf(v) === "app") {
    return (
      `${JSON.stringify(v)} is an app instance id, not a catalog key; declare the instance with AppInstanceTargetBinding: ` +
      `apps: [{ appName: "<its catalog key, e.g. bookmark>", appId: ${JSON.stringify(v)} }]`
    );
  }
  return undefined;
}

/** For an `apps[i]` entry written as a string, the object to write instead. */
export function instanceObjectHint(v: unknown): string | undefined {
  const split = splitPulumiOktaAppTarget(v);
  return split ? `write { appName: ${JSON.stringify(split.appName)}, appId: ${JSON.stringify(split.appId)} }` : undefined;
}
