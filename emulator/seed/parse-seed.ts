// Checks a seed's structure and gives every object a fixed id, so reset rebuilds the same org.
import { ID_PREFIX, isIdOf, newId } from "../domain/ids";
import { isObject } from "../domain/json-input";
import { fixedRoleAssignmentId } from "../domain/role-types";
import { SeedError, type EmulatorSeed } from "./seed-types";

const LISTS = ["users", "groups", "apps", "roleAssignments"] as const;

/**
 * Validates the seed's outline (lists of objects, valid explicit ids, unique ids and refs) and
 * returns a copy in which every user, group, app and untargetable role has an id.
 */
export function parseSeed(input: unknown): EmulatorSeed {
  if (!isObject(input)) throw new SeedError("seed: must be a JSON object");
  for (const key of Object.keys(input)) {
    if (!(LISTS as readonly string[]).includes(key)) throw new SeedError(`seed.${key}: unknown key (expected ${LISTS.join(", ")})`);
  }
  const seed = structuredClone(input) as EmulatorSeed;
  for (const list of LISTS) {
    const value = seed[list];
    if (value === undefined) continue;
    if (!Array.isArray(value)) throw new SeedError(`${list}: must be an array`);
    value.forEach((entry: unknown, index: number) => {
      if (!isObject(entry)) throw new SeedError(`${list}[${index}]: must be an object`);
    });
  }
  fillIds(seed.users ?? [], "users", ID_PREFIX.user);
  fillIds(seed.groups ?? [], "groups", ID_PREFIX.group);
  fillIds(seed.apps ?? [], "apps", ID_PREFIX.app);
  fillRoleIds(seed);
  return seed;
}

function fillIds(entries: { id?: string; ref?: string }[], list: string, prefix: string): void {
  const ids = new Set<string>();
  const refs = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry.id !== undefined && (typeof entry.id !== "string" || !isIdOf(prefix, entry.id))) {
      throw new SeedError(`${list}[${index}].id: must be '${prefix}' followed by 17 letters or digits`);
    }
    entry.id ??= newId(prefix);
    if (ids.has(entry.id)) throw new SeedError(`${list}[${index}].id: '${entry.id}' is used twice`);
    ids.add(entry.id);
    if (entry.ref === undefined) return;
    if (typeof entry.ref !== "string" || entry.ref === "") throw new SeedError(`${list}[${index}].ref: must be a non-empty string`);
    if (refs.has(entry.ref)) throw new SeedError(`${list}[${index}].ref: '${entry.ref}' is used twice`);
    refs.add(entry.ref);
  });
}

function fillRoleIds(seed: EmulatorSeed): void {
  (seed.roleAssignments ?? []).forEach((ra, index) => {
    const where = `roleAssignments[${index}]`;
    const fixed = typeof ra.type === "string" ? fixedRoleAssignmentId(ra.type) : undefined;
    const prefix = isObject(ra.principal) && ra.principal.group !== undefined ? ID_PREFIX.groupRole : ID_PREFIX.userRole;
    if (fixed !== undefined) {
      if (ra.id !== undefined && ra.id !== fixed) throw new SeedError(`${where}.id: ${ra.type} always has id ${fixed}`);
      ra.id = fixed;
      return;
    }
    if (ra.id !== undefined && (typeof ra.id !== "string" || !isIdOf(prefix, ra.id))) {
      throw new SeedError(`${where}.id: must be '${prefix}' followed by 17 letters or digits`);
    }
    ra.id ??= newId(prefix);
  });
}
