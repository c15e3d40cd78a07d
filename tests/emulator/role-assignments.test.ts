// Role assignments for users, groups and clients: ids, shapes, duplicates, service-only clients, quirks.
import { expectStatus } from "./helpers/api";
import { assignRole, createApp, createGroup, createServiceApp, createUser } from "./helpers/fixtures";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();

const FIXED_IDS: [string, string][] = [
  ["APP_ADMIN", "IFIFAX2BIRGUSTQ"],
  ["HELP_DESK_ADMIN", "JBCUYUC7IRCVGS27IFCE2SKO"],
  ["USER_ADMIN", "KVJUKUS7IFCE2SKO"],
  ["GROUP_MEMBERSHIP_ADMIN", "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA"],
];

type Kind = "user" | "group" | "client";
const principals: Kind[] = ["user", "group", "client"];

async function principalBase(kind: Kind): Promise<string> {
  if (kind === "user") return `/api/v1/users/${await createUser(ctx.api)}`;
  if (kind === "group") return `/api/v1/groups/${await createGroup(ctx.api)}`;
  return `/oauth2/v1/clients/${await createServiceApp(ctx.api)}`;
}

describe.each(principals)("role assignments of a %s", (kind) => {
  it.each(FIXED_IDS)("gives %s the base32 id %s, the same after unassign and reassign", async (type, id) => {
    const base = await principalBase(kind);
    expect(await assignRole(ctx.api, base, type)).toBe(id);
    expectStatus(await ctx.api("DELETE", `${base}/roles/${id}`), 204);
    expect(await assignRole(ctx.api, base, type)).toBe(id);
  });

  it("answers POST with 201 and the StandardRole shape, assignee pointing at the principal", async () => {
    const base = await principalBase(kind);
    const response = expectStatus(await ctx.api("POST", `${base}/roles?disableNotifications=false`, { type: "HELP_DESK_ADMIN" }), 201);
    expect(response.body).toEqual({
      id: "JBCUYUC7IRCVGS27IFCE2SKO",
      label: "Help Desk Administrator",
      type: "HELP_DESK_ADMIN",
      status: "ACTIVE",
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      lastUpdated: response.body.created,
      assignmentType: kind.toUpperCase(),
      _links: { assignee: { href: ctx.emulator.url + base } },
    });
  });

  it("refuses a second role of the same type with 409 E0000090", async () => {
    const base = await principalBase(kind);
    await assignRole(ctx.api, base, "USER_ADMIN");
    const again = expectStatus(await ctx.api("POST", `${base}/roles`, { type: "USER_ADMIN" }), 409);
    expect(again.body.errorCode).toBe("E0000090");
    expect(again.body.errorSummary).toBe("The role specified is already assigned to the user.");
  });

  it("mints Okta-style ids for roles that take no targets, new after reassign", async () => {
    const base = await principalBase(kind);
    const first = await assignRole(ctx.api, base, "READ_ONLY_ADMIN");
    expect(first).toMatch(kind === "group" ? /^gra[0-9A-Za-z]{17}$/ : /^ra1[0-9A-Za-z]{17}$/);
    expectStatus(await ctx.api("DELETE", `${base}/roles/${first}`), 204);
    expect(await assignRole(ctx.api, base, "READ_ONLY_ADMIN")).not.toBe(first);
  });

  it("lists roles in assignment order without a Link header, and gets one by id", async () => {
    const base = await principalBase(kind);
    await assignRole(ctx.api, base, "APP_ADMIN");
    await assignRole(ctx.api, base, "SUPER_ADMIN");
    const list = expectStatus(await ctx.api("GET", `${base}/roles`), 200);
    expect(list.body.map((ra: { type: string }) => ra.type)).toEqual(["APP_ADMIN", "SUPER_ADMIN"]);
    expect(list.headers.get("link")).toBeNull();
    const one = expectStatus(await ctx.api("GET", `${base}/roles/IFIFAX2BIRGUSTQ`), 200);
    expect(one.body).toEqual(list.body[0]);
  });

  it("answers 404 E0000007 (RoleAssignment) for an unknown or already deleted role", async () => {
    const base = await principalBase(kind);
    await assignRole(ctx.api, base, "APP_ADMIN");
    expectStatus(await ctx.api("DELETE", `${base}/roles/IFIFAX2BIRGUSTQ`), 204);
    const gone = expectStatus(await ctx.api("DELETE", `${base}/roles/IFIFAX2BIRGUSTQ`), 404);
    expect(gone.body.errorSummary).toBe("Not found: Resource not found: IFIFAX2BIRGUSTQ (RoleAssignment)");
    expectStatus(await ctx.api("GET", `${base}/roles/ra1unknown0000000000`), 404);
  });

  it("refuses unknown and custom role types with 400 E0000001", async () => {
    const base = await principalBase(kind);
    for (const type of ["NOT_A_ROLE", "CUSTOM", undefined]) {
      const response = expectStatus(await ctx.api("POST", `${base}/roles`, { type }), 400);
      expect(response.body.errorCode).toBe("E0000001");
      expect(response.body.errorSummary).toBe("Api validation failed: type");
    }
  });
});

describe("principals that cannot hold roles", () => {
  it("refuses roles for an OAuth client that is not a service app with 400 E0000227", async () => {
    const web = await createServiceApp(ctx.api, "web app", "web");
    const response = expectStatus(await ctx.api("POST", `/oauth2/v1/clients/${web}/roles`, { type: "HELP_DESK_ADMIN" }), 400);
    expect(response.body.errorCode).toBe("E0000227");
  });

  it("answers 404 for a client id that is an app but not an OAuth client", async () => {
    const bookmark = await createApp(ctx.api, "bookmark");
    expectStatus(await ctx.api("GET", `/oauth2/v1/clients/${bookmark}/roles`), 404);
  });

  it("answers 404 (User) for an unknown user's roles", async () => {
    const response = expectStatus(await ctx.api("GET", "/api/v1/users/00u00000000000000000/roles"), 404);
    expect(response.body.errorSummary).toBe("Not found: Resource not found: 00u00000000000000000 (User)");
  });

  it("answers 200 [] for an unknown group's roles, as Okta does", async () => {
    const response = expectStatus(await ctx.api("GET", "/api/v1/groups/00g00000000000000000/roles"), 200);
    expect(response.body).toEqual([]);
  });

  it("answers 404 (UserGroup) when assigning a role to an unknown group", async () => {
    const response = expectStatus(await ctx.api("POST", "/api/v1/groups/00g00000000000000000/roles", { type: "APP_ADMIN" }), 404);
    expect(response.body.errorSummary).toBe("Not found: Resource not found: 00g00000000000000000 (UserGroup)");
  });

  it("drops a user's roles when the user is deleted", async () => {
    const user = await createUser(ctx.api);
    await assignRole(ctx.api, `/api/v1/users/${user}`, "APP_ADMIN");
    expectStatus(await ctx.api("DELETE", `/api/v1/users/${user}`), 204);
    expectStatus(await ctx.api("DELETE", `/api/v1/users/${user}`), 204);
    expect(ctx.emulator.state().principals).toEqual([]);
  });
});
