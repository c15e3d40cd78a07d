// The benchmark org: 1100 groups and 1100 app instances to target, and principals of every kind holding roles.
import { catalogEntries } from "../emulator/domain/oin-catalog";
import type { EmulatorSeed, SeedApp, SeedRoleAssignment } from "../emulator/seed/seed-types";

/** The API token every benchmark emulator accepts. */
export const BENCH_TOKEN = "bench-api-token";
/** Groups and app instances available as targets: 1000 for the largest set plus 10% to swap in. */
export const DIRECTORY_SIZE = 1100;
/** Every OIN catalog key the emulator knows (the only possible catalog targets). */
export const CATALOG_KEYS: readonly string[] = catalogEntries().map((e) => e.name);

export type PrincipalKind = "user" | "group" | "client";
export const PRINCIPAL_KINDS: readonly PrincipalKind[] = ["user", "group", "client"];
export type BindingKind = "group" | "catalogApp" | "appInstance";

const INSTANCE_KEYS = CATALOG_KEYS.filter((k) => k !== "oidc_client");
const id = (prefix: string, tag: string, i: number) => `${prefix}${tag}${String(i).padStart(17 - tag.length, "0")}`;

/** The i-th target group. */
export const groupId = (i: number) => id("00g", "tgt", i);
/** The i-th target app instance, and its catalog key. */
export const appId = (i: number) => id("0oa", "tgt", i);
export const appNameOf = (i: number) => INSTANCE_KEYS[i % INSTANCE_KEYS.length] as string;
/** The i-th principal of a kind (a client's id is its service app's id). */
export function principalId(kind: PrincipalKind, i: number): string {
  return kind === "user" ? id("00u", "adm", i) : kind === "group" ? id("00g", "adm", i) : id("0oa", "svc", i);
}

/** Mode and last-target policy the engine-driven bindings state explicitly (the documented defaults). */
export const EXPLICIT_POLICY = { mode: "authoritative", lastTarget: "retain" } as const;

/** The role a binding kind manages. */
export const roleTypeOf = (kind: BindingKind) => (kind === "group" ? "USER_ADMIN" : "APP_ADMIN");

/** The binding inputs naming a principal. */
export function principalArgs(kind: PrincipalKind, i: number): Record<string, string> {
  return { [kind === "user" ? "userId" : kind === "group" ? "groupId" : "clientId"]: principalId(kind, i) };
}

/** A role held by principal (kind, i), with optional starting targets (group ids, app ids or catalog keys). */
export interface BenchRole {
  principal: PrincipalKind;
  index: number;
  type: string;
  groupTargets?: string[];
  appTargets?: (string | { catalog: string })[];
}

/** The seed: the target directory, `principals` principals of each kind, and the given roles. */
export function benchSeed(principals: number, roles: BenchRole[]): EmulatorSeed {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const targetApps: SeedApp[] = range(DIRECTORY_SIZE).map((i) => ({
    id: appId(i),
    name: appNameOf(i),
    label: `Bench app ${i}`,
    settings: { app: { url: `https://app${i}.example.com` } },
  }));
  const clients: SeedApp[] = range(principals).map((i) => ({
    id: principalId("client", i),
    name: "oidc_client",
    label: `Bench automation ${i}`,
    signOnMode: "OPENID_CONNECT",
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
    credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
    grantedScopes: ["okta.roles.read", "okta.roles.manage"],
  }));
  const roleAssignments: SeedRoleAssignment[] = roles.map((r) => ({
    principal: { [r.principal]: principalId(r.principal, r.index) },
    type: r.type,
    ...(r.groupTargets ? { groupTargets: r.groupTargets } : {}),
    ...(r.appTargets ? { appTargets: r.appTargets.map((t) => (typeof t === "string" ? { app: t } : t)) } : {}),
  }));
  return {
    users: range(principals).map((i) => {
      const login = `bench.admin${i}@example.com`;
      return { id: principalId("user", i), profile: { login, email: login, firstName: "Bench", lastName: `Admin ${i}` } };
    }),
    groups: [
      ...range(DIRECTORY_SIZE).map((i) => ({ id: groupId(i), profile: { name: `Bench group ${i}` } })),
      ...range(principals).map((i) => ({ id: principalId("group", i), profile: { name: `Bench admins ${i}` } })),
    ],
    apps: [...targetApps, ...clients],
    roleAssignments,
  };
}

/** The target set field of a binding kind for targets with indexes `from`..`to`-1 (catalog: keys). */
export function targetSet(kind: BindingKind, from: number, to: number): Record<string, unknown> {
  const idx = Array.from({ length: to - from }, (_, i) => from + i);
  if (kind === "group") return { groupIds: idx.map(groupId) };
  if (kind === "catalogApp") return { appNames: idx.map((i) => CATALOG_KEYS[i]) };
  return { apps: idx.map((i) => ({ appName: appNameOf(i), appId: appId(i) })) };
}

/** The same targets in the seed's role-target form. */
export function seedTargets(kind: BindingKind, from: number, to: number): Pick<BenchRole, "groupTargets" | "appTargets"> {
  const idx = Array.from({ length: to - from }, (_, i) => from + i);
  if (kind === "group") return { groupTargets: idx.map(groupId) };
  if (kind === "catalogApp") return { appTargets: idx.map((i) => ({ catalog: CATALOG_KEYS[i] as string })) };
  return { appTargets: idx.map(appId) };
}
