// Shapes of the ids and names that may appear in API paths, checked before any request.
import { rpc } from "./pulumi-runtime";

/** Okta ids (users `00u…`, groups `00g…`, apps `0oa…`): letters and digits only. */
const OKTA_ID = /^[A-Za-z0-9]{1,64}$/;
/** OAuth client ids: Okta's are `0oa…`, custom ones may carry `.`, `_` or `-`. */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** OIN catalog keys such as `salesforce`, `template_swa`, `oidc_client`. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
/** Role types are upper-case words joined by underscores. */
export const ROLE_TYPE_PATTERN = /^[A-Z][A-Z_]{0,63}$/;

/** What an Okta id's three-character prefix says it names. */
export type OktaObjectKind = "user" | "group" | "app";

const PREFIX_KIND: Readonly<Record<string, OktaObjectKind>> = { "00u": "user", "00g": "group", "0oa": "app" };

/**
 * What kind of object `v` is an id of, when its form makes that certain: Okta's
 * ids are a three-character prefix (`00u` user, `00g` group, `0oa` app or OAuth
 * client) and 17 more letters or digits. `undefined` for anything else.
 */
export function oktaObjectKindOf(v: unknown): OktaObjectKind | undefined {
  if (typeof v !== "string" || v.length !== 20 || !OKTA_ID.test(v)) return undefined;
  return PREFIX_KIND[v.slice(0, 3)];
}

/** True for the engine's placeholder for a value not known until apply. */
export function isUnknown(v: unknown): boolean {
  return v === rpc.unknownValue;
}

const RULES = {
  okta: { re: OKTA_ID, hint: "an Okta id such as 00u1a2b3c4d5e6f7g8h9 (letters and digits only)" },
  client: { re: CLIENT_ID, hint: "an OAuth client id such as 0oa1a2b3c4d5e6f7g8h9" },
  appName: { re: APP_NAME, hint: "an OIN catalog key such as salesforce or bookmark" },
  roleAssignment: { re: OKTA_ID, hint: "a role assignment id such as IFIFAX2BIRGUSTQ (letters and digits only)" },
} as const;

function describe(v: string): string {
  const shown = v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}… (${v.length} characters)` : JSON.stringify(v);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) return `${shown} contains control characters`;
  if (/\s/.test(v)) return `${shown} contains whitespace`;
  if (/[/?#%]/.test(v) || v.includes("..")) return `${shown} contains a path character (/, ?, #, % or ..)`;
  if (/[^\x20-\x7e]/.test(v)) return `${shown} contains non-ASCII characters (look-alike letters?)`;
  return `${shown} is not of that form`;
}

/**
 * Checks that `v` is a plausible id of the given kind, recording a failure for
 * `property` if not. Unknown values pass. Returns whether it passed.
 */
export function checkId(
  property: string,
  v: unknown,
  kind: keyof typeof RULES,
  out: { property: string; reason: string }[],
): boolean {
  if (isUnknown(v)) return true;
  const rule = RULES[kind];
  if (typeof v !== "string" || v.length === 0) {
    out.push({ property, reason: `must be ${rule.hint}; got ${v === "" ? "an empty string" : typeof v}` });
    return false;
  }
  if (!rule.re.test(v) || v.includes("..")) {
    out.push({ property, reason: `must be ${rule.hint}; ${describe(v)}` });
    return false;
  }
  return true;
}
