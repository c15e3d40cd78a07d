// Generates a large, repeatable org seed: users, groups with members, apps, service apps and delegated admins.
import { seededRandom } from "../http/prng";
import type { EmulatorSeed, SeedApp, SeedAppTarget, SeedGroup, SeedRoleAssignment, SeedUser } from "./seed-types";

/** Sizes and shape of a generated org. Every field is optional. */
export interface GenerateOrgOptions {
  /** Users (default 5000). */
  users?: number;
  /** Groups (default 2000). */
  groups?: number;
  /** OAuth service apps (default 50). */
  serviceApps?: number;
  /** Ordinary app instances that app targets can name (default 30). */
  apps?: number;
  /** Admins holding a targetable role: users (default 180). */
  userAdmins?: number;
  /** …groups (default 80). */
  groupAdmins?: number;
  /** …service apps (default 40, at most `serviceApps`). */
  clientAdmins?: number;
  /** Every n-th admin's role is left unscoped (default 10: a tenth). */
  unscopedEvery?: number;
  /** Every n-th user admin is deactivated (default 25). */
  deactivatedEvery?: number;
  /** PRNG seed, so the same options give the same org (default 1). */
  seed?: number;
}

const TARGETABLE = ["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "APP_ADMIN"] as const;
const CATALOG = ["salesforce", "slack", "bookmark"] as const;

/** A fixed-form Okta id: prefix + `Gen` + zero-padded number (20 characters). */
export function generatedId(prefix: "00u" | "00g" | "0oa", n: number): string {
  return `${prefix}Gen${String(n).padStart(14, "0")}`;
}

/**
 * A seed for `startEmulator({ seed })` or the emulator's `--seed generated`. Admins cover all three
 * principal kinds and the four targetable roles; every `unscopedEvery`-th admin has no targets
 * (so it applies to all groups or apps); group admins have members (except the first, which has
 * none); some user admins are deactivated, and a few admins also hold READ_ONLY_ADMIN.
 */
export function generateOrgSeed(options: GenerateOrgOptions = {}): EmulatorSeed {
  const o = {
    users: 5000, groups: 2000, serviceApps: 50, apps: 30, userAdmins: 180, groupAdmins: 80, clientAdmins: 40,
    unscopedEvery: 10, deactivatedEvery: 25, seed: 1, ...options,
  };
  const random = seededRandom(o.seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const users: SeedUser[] = Array.from({ length: o.users }, (_, i) => ({
    id: generatedId("00u", i + 1),
    status: "ACTIVE",
    profile: { login: `user${i + 1}@example.com`, email: `user${i + 1}@example.com`, firstName: "User", lastName: String(i + 1) },
  }));
  const groups: SeedGroup[] = Array.from({ length: o.groups }, (_, i) => ({
    id: generatedId("00g", i + 1),
    profile: { name: `Team ${String(i + 1).padStart(4, "0")}`, description: "generated" },
    members: Array.from({ length: pick(4) }, () => generatedId("00u", pick(o.users) + 1)),
  }));
  const apps: SeedApp[] = Array.from({ length: o.apps }, (_, i) => instanceApp(i));
  const clients: SeedApp[] = Array.from({ length: o.serviceApps }, (_, i) => serviceApp(i));
  const roleAssignments: SeedRoleAssignment[] = [];
  let admin = 0;
  const targets = (type: string): Pick<SeedRoleAssignment, "groupTargets" | "appTargets"> => {
    admin += 1;
    if (admin % o.unscopedEvery === 0) return {};
    if (type !== "APP_ADMIN") return { groupTargets: distinct(1 + pick(4), () => generatedId("00g", pick(o.groups) + 1)) };
    const appTargets: SeedAppTarget[] = distinct(1 + pick(3), () => (apps.length > 0 && random() < 0.6 ? apps[pick(apps.length)]?.id ?? "slack" : CATALOG[pick(CATALOG.length)] ?? "slack"));
    return { appTargets: dropInstancesOfCatalogs(appTargets, apps) };
  };
  for (let i = 0; i < o.userAdmins; i++) {
    const user = users[(i * 7919) % o.users] as SeedUser;
    if ((i + 1) % o.deactivatedEvery === 0) user.status = "DEPROVISIONED";
    const type = TARGETABLE[i % TARGETABLE.length] as string;
    roleAssignments.push({ principal: { user: user.id ?? "" }, type, ...targets(type) });
    if (i % 30 === 0) roleAssignments.push({ principal: { user: user.id ?? "" }, type: "READ_ONLY_ADMIN" });
  }
  for (let i = 0; i < o.groupAdmins; i++) {
    const group = groups[(i * 104729) % o.groups] as SeedGroup;
    group.members = i === 0 ? [] : distinct(1 + pick(6), () => generatedId("00u", pick(o.users) + 1));
    const type = TARGETABLE[(i + 1) % TARGETABLE.length] as string;
    roleAssignments.push({ principal: { group: group.id ?? "" }, type, ...targets(type) });
  }
  for (let i = 0; i < Math.min(o.clientAdmins, o.serviceApps); i++) {
    const type = TARGETABLE[(i + 3) % TARGETABLE.length] as string;
    roleAssignments.push({ principal: { client: clients[i]?.id ?? "" }, type, ...targets(type) });
  }
  if (users[0]) roleAssignments.push({ principal: { user: users[0].id ?? "" }, type: "SUPER_ADMIN" });
  for (const group of groups) group.members = [...new Set(group.members)];
  return { users, groups, apps: [...apps, ...clients], roleAssignments };
}

function instanceApp(i: number): SeedApp {
  const name = CATALOG[i % CATALOG.length] ?? "bookmark";
  const app: SeedApp = { id: generatedId("0oa", i + 1), name, label: `${name} ${i + 1}` };
  if (name === "bookmark") app.settings = { app: { url: `https://app${i + 1}.example.com/` } };
  return app;
}

function serviceApp(i: number): SeedApp {
  return {
    id: generatedId("0oa", 100_000 + i + 1),
    name: "oidc_client",
    label: `automation ${i + 1}`,
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "service" } },
  };
}

function distinct<T>(count: number, make: () => T): T[] {
  return [...new Set(Array.from({ length: count }, make))];
}

// Okta keeps either a catalog target or instance targets of the same app, never both.
function dropInstancesOfCatalogs(targets: SeedAppTarget[], apps: SeedApp[]): SeedAppTarget[] {
  const catalogs = new Set(targets.filter((t): t is string => typeof t === "string" && !t.startsWith("0oa")));
  return targets.filter((t) => typeof t !== "string" || !t.startsWith("0oa") || !catalogs.has(apps.find((a) => a.id === t)?.name ?? ""));
}
