// Compares a recorded Okta body with the emulator's: same keys, same value types, ids of the same form.

/** Recorded ids → emulator ids, learned as objects get created. */
export type IdMap = Map<string, string>;

/** Okta object ids: three-character prefix + 17 (20 in all); error ids: "oae" + 22. */
const OKTA_ID = /^[0-9a-z]{3}[0-9A-Za-z]{17}$/;
const ERROR_ID = /^oae[A-Za-z0-9_-]{22}$/;
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Keys whose string values must match exactly (after mapping recorded ids). */
const EXACT_KEYS = new Set(["status", "assignmentType", "errorCode", "errorSummary", "signOnMode", "name", "label", "displayName", "category", "issuerMode"]);

/** `_links` relations an Identity Engine org adds that a Classic org's recordings lack. */
const OIE_ONLY_LINKS = new Set(["profileEnrollment", "policies", "accessPolicy"]);

/** Replaces every known recorded id in `text` with its emulator id. */
export function mapIds(text: string, ids: IdMap): string {
  let out = text;
  for (const [recorded, ours] of ids) out = out.split(recorded).join(ours);
  return out;
}

/** Learns recorded → emulator ids from `id` fields found at the same place in both bodies (not in lists). */
export function learnIds(recorded: unknown, actual: unknown, ids: IdMap): void {
  if (Array.isArray(recorded) || !isObject(recorded) || !isObject(actual)) return;
  for (const [key, value] of Object.entries(recorded)) {
    const other = actual[key];
    if (key === "id" && typeof value === "string" && typeof other === "string" && value !== other && !ids.has(value)) ids.set(value, other);
    else learnIds(value, other, ids);
  }
}

/** Lists the differences between a recorded body and the emulator's; empty when the shapes agree. */
export function shapeDifferences(recorded: unknown, actual: unknown, ids: IdMap, recordedOrg: string, path = "$"): string[] {
  if (recorded === null || actual === null) return recorded === actual ? [] : [`${path}: ${describe(recorded)} vs ${describe(actual)}`];
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) return [`${path}: array vs ${describe(actual)}`];
    if (recorded.length !== actual.length) return [`${path}: ${recorded.length} items vs ${actual.length}`];
    return recorded.flatMap((item, index) => shapeDifferences(item, pairFor(item, actual, index, ids), ids, recordedOrg, `${path}[${index}]`));
  }
  if (isObject(recorded)) {
    if (!isObject(actual)) return [`${path}: object vs ${describe(actual)}`];
    const extra = Object.keys(actual).filter((key) => !(key in recorded) && !(path.endsWith("._links") && OIE_ONLY_LINKS.has(key)));
    const missing = Object.keys(recorded).filter((key) => !(key in actual));
    const keyDiffs = [...missing.map((key) => `${path}.${key}: missing`), ...extra.map((key) => `${path}.${key}: not in the recording`)];
    const valueDiffs = Object.keys(recorded)
      .filter((key) => key in actual)
      .flatMap((key) => {
        const child = `${path}.${key}`;
        const exact = EXACT_KEYS.has(key) && typeof recorded[key] === "string" && mapIds(String(recorded[key]), ids) !== actual[key];
        return exact ? [`${child}: ${JSON.stringify(recorded[key])} vs ${JSON.stringify(actual[key])}`] : shapeDifferences(recorded[key], actual[key], ids, recordedOrg, child);
      });
    return [...keyDiffs, ...valueDiffs];
  }
  if (typeof recorded !== typeof actual) return [`${path}: ${describe(recorded)} vs ${describe(actual)}`];
  if (typeof recorded === "string") return stringDifferences(recorded, actual as string, recordedOrg, path);
  return [];
}

function stringDifferences(recorded: string, actual: string, recordedOrg: string, path: string): string[] {
  const sameForm = (pattern: RegExp): boolean => !pattern.test(recorded) || (pattern.test(actual) && recorded.slice(0, 3) === actual.slice(0, 3));
  if (!sameForm(ERROR_ID)) return [`${path}: error id ${recorded} vs ${actual}`];
  if (!sameForm(OKTA_ID)) return [`${path}: id ${recorded} vs ${actual}`];
  if (ISO_TIME.test(recorded) && !ISO_TIME.test(actual)) return [`${path}: timestamp ${recorded} vs ${actual}`];
  if (recorded.startsWith(`${recordedOrg}/`) && !/^http:\/\/127\.0\.0\.1:\d+\//.test(actual)) return [`${path}: org URL ${recorded} vs ${actual}`];
  return [];
}

// In lists, pair each recorded item with the emulator's item of the same (mapped) id or name.
function pairFor(recorded: unknown, actual: unknown[], index: number, ids: IdMap): unknown {
  if (!isObject(recorded)) return actual[index];
  const wanted = typeof recorded.id === "string" ? (ids.get(recorded.id) ?? recorded.id) : undefined;
  const byId = wanted === undefined ? undefined : actual.find((item) => isObject(item) && item.id === wanted);
  const byName = actual.find((item) => isObject(item) && item.id === undefined && recorded.id === undefined && item.name === recorded.name);
  return byId ?? byName ?? actual[index];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
