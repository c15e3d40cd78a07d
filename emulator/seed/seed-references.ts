// Resolves the names a seed uses for its objects: literal ids, or "@ref" references.
import { isObject } from "../domain/json-input";
import type { PrincipalRef } from "../domain/records";
import { SeedError, type EmulatorSeed, type SeedAppTarget } from "./seed-types";

type Named = { id?: string; ref?: string };

/**
 * Looks a reference up: "@x" matches the object whose `ref` is x, or failing that a user's login
 * (or its part before "@"), a group's name, an app's label. Anything else must be an id in the seed.
 */
export function resolveRef<T extends Named>(entries: readonly T[], reference: unknown, naturalKeys: (entry: T) => string[], where: string): string {
  if (typeof reference !== "string" || reference === "") throw new SeedError(`${where}: must be an id or an "@ref" string`);
  if (!reference.startsWith("@")) {
    if (!entries.some((entry) => entry.id === reference)) throw new SeedError(`${where}: no object with id '${reference}' in the seed`);
    return reference;
  }
  const name = reference.slice(1);
  const byRef = entries.filter((entry) => entry.ref === name);
  const matches = byRef.length > 0 ? byRef : entries.filter((entry) => naturalKeys(entry).includes(name));
  if (matches.length !== 1) {
    throw new SeedError(`${where}: '${reference}' matches ${matches.length === 0 ? "nothing" : "more than one object"} in the seed`);
  }
  return matches[0]?.id ?? "";
}

/** Resolves a role assignment's principal (exactly one of user, group, client). */
export function resolvePrincipal(seed: EmulatorSeed, principal: unknown, where: string): PrincipalRef {
  if (!isObject(principal)) throw new SeedError(`${where}: must be an object with one of user, group, client`);
  const kinds = (["user", "group", "client"] as const).filter((kind) => principal[kind] !== undefined);
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined) throw new SeedError(`${where}: set exactly one of user, group, client`);
  const at = `${where}.${kind}`;
  if (kind === "user") return { kind, id: resolveRef(seed.users ?? [], principal.user, userKeys, at) };
  if (kind === "group") return { kind, id: resolveRef(seed.groups ?? [], principal.group, groupKeys, at) };
  return { kind, id: resolveRef(seed.apps ?? [], principal.client, appKeys, at) };
}

/** Resolves a user reference (a group member) to a user id. */
export function resolveUser(seed: EmulatorSeed, reference: unknown, where: string): string {
  return resolveRef(seed.users ?? [], reference, userKeys, where);
}

/** Resolves a group target to a group id. */
export function resolveGroup(seed: EmulatorSeed, reference: unknown, where: string): string {
  return resolveRef(seed.groups ?? [], reference, groupKeys, where);
}

/** Resolves an app target to a catalog key or an app instance id. */
export function resolveAppTarget(seed: EmulatorSeed, target: SeedAppTarget, where: string): { catalog: string } | { appId: string } {
  if (typeof target === "string") {
    const isInstance = target.startsWith("@") || (seed.apps ?? []).some((app) => app.id === target);
    return isInstance ? { appId: resolveRef(seed.apps ?? [], target, appKeys, where) } : { catalog: target };
  }
  const shape = `${where}: must be a catalog key, "@ref", { "catalog": ... } or { "app": ... }`;
  if (typeof target !== "object" || target === null) throw new SeedError(shape);
  if ("catalog" in target && typeof target.catalog === "string") return { catalog: target.catalog };
  if ("app" in target) return { appId: resolveRef(seed.apps ?? [], target.app, appKeys, `${where}.app`) };
  throw new SeedError(shape);
}

function userKeys(user: { profile?: { login?: unknown } }): string[] {
  const login = typeof user.profile?.login === "string" ? user.profile.login : "";
  return login ? [login, login.split("@")[0] ?? login] : [];
}

function groupKeys(group: { profile?: { name?: unknown } }): string[] {
  return typeof group.profile?.name === "string" ? [group.profile.name] : [];
}

function appKeys(app: { label?: unknown }): string[] {
  return typeof app.label === "string" ? [app.label] : [];
}
