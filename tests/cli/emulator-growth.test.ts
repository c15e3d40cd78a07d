// The emulator endpoints the audit relies on: the assignee list (spec shape, body paging), group members, group-held roles in users' lists, the app name filter, and the generated org.
import { startEmulator, type RunningEmulator } from "../../emulator";
import { parseCliArgs } from "../../emulator/cli-args";
import { generateOrgSeed } from "../../emulator/seed/generate-org";
import { declaredProperties, specSchemas } from "../emulator/helpers/openapi-schemas";
import { AUDIT_SEED } from "./helpers/audit-seed";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: AUDIT_SEED });
});
afterAll(() => emulator.close());

async function get(path: string): Promise<{ status: number; body: any; link: string | null }> {
  const response = await fetch(emulator.url + path, { headers: { authorization: `SSWS ${emulator.apiToken}`, accept: "application/json" } });
  return { status: response.status, body: await response.json(), link: response.headers.get("link") };
}

/** Validates against Okta's RoleAssignedUsers schema (tests/fixtures) and refuses keys it does not declare. */
function expectRoleAssignedUsers(body: { value: object[] }): void {
  const schemas = specSchemas();
  const validate = schemas.validator("RoleAssignedUsers");
  expect(validate(body) ? [] : validate.errors).toEqual([]);
  const declared = declaredProperties(schemas, schemas.schema("RoleAssignedUsers"));
  expect(Object.keys(body).filter((key) => !declared.has(key))).toEqual([]);
  const item = declaredProperties(schemas, schemas.schema("RoleAssignedUser"));
  for (const user of body.value) expect(Object.keys(user).filter((key) => !item.has(key))).toEqual([]);
}

describe("GET /api/v1/iam/assignees/users", () => {
  it("answers Okta's RoleAssignedUsers schema and pages through _links.next in the body", async () => {
    const ids: string[] = [];
    let path: string | undefined = "/api/v1/iam/assignees/users?limit=1";
    while (path !== undefined) {
      const page: { status: number; body: any } = await get(path);
      expect(page.status).toBe(200);
      expectRoleAssignedUsers(page.body);
      expect(page.body.value).toHaveLength(1);
      for (const user of page.body.value) {
        expect(user._links.roles.href).toBe(`${emulator.url}/api/v1/users/${user.id}/roles`);
        ids.push(user.id);
      }
      const next: string | undefined = page.body._links.next?.href;
      path = next === undefined ? undefined : next.slice(emulator.url.length);
    }
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it("refuses a limit above 200", async () => {
    expect((await get("/api/v1/iam/assignees/users?limit=201")).status).toBe(400);
  });

  it("lists group-only holders only when started with assigneesIncludeGroupHolders", async () => {
    const wide = await startEmulator({ seed: AUDIT_SEED, assigneesIncludeGroupHolders: true });
    try {
      const response = await fetch(`${wide.url}/api/v1/iam/assignees/users?limit=200`, { headers: { authorization: `SSWS ${wide.apiToken}` } });
      expect(((await response.json()) as { value: unknown[] }).value).toHaveLength(6);
    } finally {
      await wide.close();
    }
  });
});

describe("group membership and group-held roles", () => {
  it("lists a group's members and shows the group's roles in each member's role list as assignmentType GROUP", async () => {
    const groups = (await get("/api/v1/groups?q=Ops")).body as { id: string }[];
    const ops = groups[0]?.id ?? "";
    const members = (await get(`/api/v1/groups/${ops}/users`)).body as { id: string; profile: { login: string } }[];
    expect(members.map((m) => m.profile.login).sort()).toEqual(["alice@example.com", "frank@example.com"]);
    const frank = members.find((m) => m.profile.login.startsWith("frank"))?.id ?? "";
    const roles = (await get(`/api/v1/users/${frank}/roles`)).body as { type: string; assignmentType: string; _links: { assignee: { href: string } } }[];
    expect(roles).toEqual([expect.objectContaining({ type: "HELP_DESK_ADMIN", assignmentType: "GROUP", _links: { assignee: { href: `${emulator.url}/api/v1/groups/${ops}` } } })]);
  });
});

describe("GET /api/v1/apps?filter=", () => {
  it("filters by name and refuses an expression it cannot read", async () => {
    const apps = (await get(`/api/v1/apps?filter=${encodeURIComponent('name eq "oidc_client"')}`)).body as { name: string }[];
    expect(apps.map((a) => a.name)).toEqual(["oidc_client", "oidc_client", "oidc_client"]);
    expect((await get(`/api/v1/apps?filter=${encodeURIComponent("label sw x")}`)).status).toBe(400);
  });
});

describe("generateOrgSeed", () => {
  it("builds the large org: 5000 users, 2000 groups, 300 delegated admins of three kinds (a tenth unscoped), 50 service apps", () => {
    const seed = generateOrgSeed();
    const roles = seed.roleAssignments ?? [];
    const targetable = roles.filter((r) => !["SUPER_ADMIN", "READ_ONLY_ADMIN"].includes(r.type));
    expect(seed.users).toHaveLength(5000);
    expect(seed.groups).toHaveLength(2000);
    expect(seed.apps?.filter((a) => a.name === "oidc_client")).toHaveLength(50);
    expect(targetable).toHaveLength(300);
    expect(targetable.filter((r) => !r.groupTargets && !r.appTargets)).toHaveLength(30);
    for (const kind of ["user", "group", "client"] as const) expect(targetable.some((r) => r.principal[kind])).toBe(true);
    expect(JSON.stringify(generateOrgSeed())).toBe(JSON.stringify(seed));
  });
});

describe("the emulator's command line", () => {
  it("builds the generated org with --seed generated and lists group-only holders with --assignees-include-group-holders", () => {
    const request = parseCliArgs(["--seed", "generated", "--assignees-include-group-holders"]);
    expect(request.kind).toBe("run");
    if (request.kind !== "run") return;
    expect(request.options.assigneesIncludeGroupHolders).toBe(true);
    expect(JSON.stringify(request.options.seed)).toBe(JSON.stringify(generateOrgSeed()));
  });
});
