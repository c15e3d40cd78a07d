// Preview-time validation of binding inputs: every failure names the field and says what to do.
import { BindingInputs } from "./binding-types";
import { ROLE_TYPE_PATTERN, checkId, isUnknown } from "./id-rules";
import {
  catalogKeyHint,
  groupNameHint,
  instanceInAppNames,
  instanceObjectHint,
  loginHint,
  misplacedPrincipal,
  misplacedTarget,
} from "./input-hints";
import { isStandardRoleType, rolesFor, suggestRoleType } from "./role-rules";
import { TargetKind } from "./target-ref";

/** One failed check, in the shape Pulumi's `check` returns. */
export interface InputFailure {
  property: string;
  reason: string;
}

const SET_FIELD: Record<TargetKind, "groupIds" | "appNames" | "apps"> = {
  group: "groupIds",
  catalogApp: "appNames",
  appInstance: "apps",
};

const RESOURCE: Record<TargetKind, string> = {
  group: "GroupTargetBinding",
  catalogApp: "AppTargetBinding",
  appInstance: "AppInstanceTargetBinding",
};

function exactlyOne(inputs: BindingInputs, fields: (keyof BindingInputs)[], what: string, out: InputFailure[]) {
  const given = fields.filter((f) => inputs[f] !== undefined && inputs[f] !== null);
  if (given.length !== 1) {
    const list = fields.join(", ");
    out.push({
      property: given[1] ?? fields[0],
      reason:
        given.length === 0
          ? `set exactly one of ${list} to choose the ${what}; none is set`
          : `set exactly one of ${list} to choose the ${what}; ${given.join(" and ")} are all set`,
    });
  }
}

function checkRole(inputs: BindingInputs, kind: TargetKind, out: InputFailure[]) {
  const roleType = inputs.roleType;
  if (roleType !== undefined && !isUnknown(roleType)) {
    const allowed = rolesFor(kind);
    if (typeof roleType !== "string" || !ROLE_TYPE_PATTERN.test(roleType) || !isStandardRoleType(roleType)) {
      const guess = typeof roleType === "string" ? suggestRoleType(roleType, kind) : undefined;
      const works = `${RESOURCE[kind]} works with ${allowed.join(", ")}`;
      out.push({
        property: "roleType",
        reason: !guess
          ? `${JSON.stringify(roleType)} is not a standard Okta role type; use one of ${allowed.join(", ")}`
          : allowed.includes(guess)
            ? `${JSON.stringify(roleType)} is not a standard Okta role type; did you mean ${guess}? (${works})`
            : `${JSON.stringify(roleType)} is not a standard Okta role type; did you mean ${guess}? It takes no ${kind === "group" ? "group" : "app"} targets: ${works}`,
      });
    } else if (!allowed.includes(roleType)) {
      out.push({
        property: "roleType",
        reason: `${roleType} does not take ${kind === "group" ? "group" : "app"} targets; ${RESOURCE[kind]} works with ${allowed.join(", ")}`,
      });
    }
  }
  if (inputs.roleAssignmentId !== undefined) checkId("roleAssignmentId", inputs.roleAssignmentId, "roleAssignment", out);
}

function checkSetShape(inputs: BindingInputs, kind: TargetKind, out: InputFailure[]) {
  for (const [k, field] of Object.entries(SET_FIELD) as [TargetKind, string][]) {
    if (k !== kind && field !== SET_FIELD[kind] && (inputs as unknown as Record<string, unknown>)[field] !== undefined) {
      out.push({
        property: field,
        reason: `${RESOURCE[kind]} does not take ${field}; declare those targets with ${RESOURCE[k]}`,
      });
    }
  }
}

/** Checks a principal id, telling an id of another kind, a group name or a login apart from a typo. */
function checkPrincipal(field: "userId" | "groupId" | "clientId", v: unknown, out: InputFailure[]) {
  const misplaced = misplacedPrincipal(field, v);
  if (misplaced) return out.push({ property: field, reason: misplaced });
  const hint = field === "groupId" ? groupNameHint(v) : field === "userId" ? loginHint(v) : undefined;
  checkWithHint(field, v, field === "clientId" ? "client" : "okta", hint, out);
}

/**
 * `checkId`, with `hint` appended to its failure; a value that passes the form
 * check but that `hint` recognises (a group name of letters only) fails with the hint.
 */
function checkWithHint(property: string, v: unknown, kind: Parameters<typeof checkId>[2], hint: string | undefined, out: InputFailure[]): boolean {
  const mine: InputFailure[] = [];
  const ok = checkId(property, v, kind, mine);
  if (hint) {
    if (ok) mine.push({ property, reason: hint });
    else mine[0] = { property, reason: `${mine[0].reason}. ${hint}` };
  }
  out.push(...mine);
  return ok && !hint;
}

function checkItems(field: string, items: unknown, itemCheck: (path: string, v: unknown) => string | undefined, out: InputFailure[]) {
  if (isUnknown(items)) return;
  if (!Array.isArray(items)) {
    out.push({ property: field, reason: `must be a list; got ${typeof items}` });
    return;
  }
  if (items.length === 0) {
    out.push({
      property: field,
      reason: "must list at least one target: an empty list would leave the role unscoped (all groups or all apps). To stop managing targets, remove the binding",
    });
    return;
  }
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (isUnknown(item)) return;
    const key = itemCheck(`${field}[${i}]`, item);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ property: `${field}[${i}]`, reason: `${key} is listed twice (also at ${field}[${first}]); list each target once` });
    } else seen.set(key, i);
  });
}

/**
 * Validates inputs before any API call. Unknown (not yet computed) values are
 * skipped, never rejected. Returns an empty list when the inputs are sound.
 */
export function validateInputs(inputs: BindingInputs, kind: TargetKind): InputFailure[] {
  const out: InputFailure[] = [];
  exactlyOne(inputs, ["userId", "groupId", "clientId"], "principal that holds the role", out);
  for (const f of ["userId", "groupId", "clientId"] as const) if (inputs[f] !== undefined) checkPrincipal(f, inputs[f], out);
  exactlyOne(inputs, ["roleType", "roleAssignmentId"], "role", out);
  checkRole(inputs, kind, out);
  checkSetShape(inputs, kind, out);

  const local: InputFailure[] = [];
  if (kind === "group") {
    checkItems("groupIds", inputs.groupIds, (p, v) => {
      const misplaced = misplacedTarget("group", v);
      if (misplaced) return void local.push({ property: p, reason: misplaced });
      return checkWithHint(p, v, "okta", groupNameHint(v), local) ? (v as string) : undefined;
    }, out);
  } else if (kind === "catalogApp") {
    checkItems("appNames", inputs.appNames, (p, v) => {
      const instance = instanceInAppNames(v);
      if (instance) return void local.push({ property: p, reason: instance });
      const ok = checkId(p, v, "appName", local);
      const hint = ok ? undefined : catalogKeyHint(v);
      if (hint) local[local.length - 1] = { property: p, reason: `${local[local.length - 1].reason}. ${hint}` };
      return ok ? (v as string) : undefined;
    }, out);
  } else {
    checkItems("apps", inputs.apps, (p, v) => {
      if (typeof v !== "object" || v === null) {
        const hint = instanceObjectHint(v);
        local.push({ property: p, reason: `must be an object { appName, appId }${hint ? `; ${hint}` : ""}` });
        return undefined;
      }
      const { appName, appId } = v as { appName?: unknown; appId?: unknown };
      const misplaced = misplacedTarget("app", appId);
      if (misplaced) local.push({ property: `${p}.appId`, reason: misplaced });
      const okName = isUnknown(appName) || checkId(`${p}.appName`, appName, "appName", local);
      const okId = !misplaced && (isUnknown(appId) || checkId(`${p}.appId`, appId, "okta", local));
      return okName && okId && !isUnknown(appId) ? String(appId) : undefined;
    }, out);
    const catalog = (inputs as { appNames?: unknown }).appNames;
    if (Array.isArray(catalog) && Array.isArray(inputs.apps)) {
      for (const a of inputs.apps) {
        if (a && catalog.includes(a.appName)) {
          out.push({
            property: "apps",
            reason: `${a.appName} is both a catalog target and an instance target; Okta keeps only one of them, so declare either the whole app or its instances`,
          });
        }
      }
    }
  }
  out.push(...local);
  if (inputs.mode !== undefined && !isUnknown(inputs.mode) && !["authoritative", "additive"].includes(inputs.mode)) {
    out.push({ property: "mode", reason: `must be "authoritative" or "additive"; got ${JSON.stringify(inputs.mode)}` });
  }
  if (inputs.lastTarget !== undefined && !isUnknown(inputs.lastTarget) && !["retain", "unassignRole", "fail"].includes(inputs.lastTarget)) {
    out.push({
      property: "lastTarget",
      reason: `must be "retain", "unassignRole" or "fail"; got ${JSON.stringify(inputs.lastTarget)}`,
    });
  }
  checkAssignRole(inputs, out);
  return out;
}

/** `assignRole` assigns a role by its type, so it needs `roleType`; an assignment id names a role someone else assigned. */
function checkAssignRole(inputs: BindingInputs, out: InputFailure[]) {
  const v = inputs.assignRole;
  if (v === undefined || v === null || isUnknown(v)) return;
  if (typeof v !== "boolean") {
    out.push({ property: "assignRole", reason: `must be true or false; got ${JSON.stringify(v)}` });
    return;
  }
  if (!v) return;
  if (inputs.roleAssignmentId !== undefined && inputs.roleAssignmentId !== null) {
    out.push({
      property: "assignRole",
      reason:
        "assignRole: true assigns the role by its type, so it needs roleType, not roleAssignmentId (an assignment id names a role that is " +
        "already assigned). Replace roleAssignmentId with roleType, or drop assignRole to scope a role another tool assigns",
    });
  } else if (inputs.roleType === undefined || inputs.roleType === null) {
    out.push({ property: "assignRole", reason: "assignRole: true needs roleType: set the role type the binding should assign, such as HELP_DESK_ADMIN" });
  }
}
