// Every response body shape checked against Okta's official OpenAPI schemas (Group, CatalogApplication, StandardRole, Error, User, apps).
import { expectStatus, type ApiResponse } from "./helpers/api";
import { assignRole, createApp, createGroup, createServiceApp, createUser } from "./helpers/fixtures";
import { declaredProperties, specSchemas, type SpecSchemas } from "./helpers/openapi-schemas";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();
let schemas: SpecSchemas;

beforeAll(() => {
  schemas = specSchemas();
});

/** Validates with ajv and also refuses keys the schema does not declare (Okta's schemas allow extras). */
function expectShape(schemaName: string, value: unknown): void {
  const validate = schemas.validator(schemaName);
  const valid = validate(value);
  expect({ schemaName, errors: valid ? [] : validate.errors }).toEqual({ schemaName, errors: [] });
  const declared = declaredProperties(schemas, schemas.schema(schemaName));
  expect(Object.keys(value as object).filter((key) => !declared.has(key))).toEqual([]);
}

const each = (schemaName: string, response: ApiResponse): void => {
  expect(Array.isArray(response.body)).toBe(true);
  expect(response.body.length).toBeGreaterThan(0);
  for (const item of response.body) expectShape(schemaName, item);
};

describe("response bodies match Okta's OpenAPI schemas", () => {
  it("renders groups, and group targets, as Group", async () => {
    const group = await createGroup(ctx.api);
    expectShape("Group", expectStatus(await ctx.api("GET", `/api/v1/groups/${group}`), 200).body);
    const user = `/api/v1/users/${await createUser(ctx.api)}`;
    const role = `${user}/roles/${await assignRole(ctx.api, user, "USER_ADMIN")}`;
    expectStatus(await ctx.api("PUT", `${role}/targets/groups/${group}`), 204);
    each("Group", expectStatus(await ctx.api("GET", `${role}/targets/groups`), 200));
  });

  it("renders catalog and instance app targets as CatalogApplication, for every catalog entry", async () => {
    const group = `/api/v1/groups/${await createGroup(ctx.api)}`;
    const role = `${group}/roles/${await assignRole(ctx.api, group, "APP_ADMIN")}`;
    const catalog = expectStatus(await ctx.api("GET", "/api/v1/catalog/apps"), 200).body as { name: string }[];
    for (const entry of catalog) expectStatus(await ctx.api("PUT", `${role}/targets/catalog/apps/${entry.name}`), 204);
    const wiki = await createApp(ctx.api, "bookmark", "Wiki");
    expectStatus(await ctx.api("PUT", `${role}/targets/catalog/apps/bookmark/${wiki}`), 204);
    each("CatalogApplication", expectStatus(await ctx.api("GET", `${role}/targets/catalog/apps?limit=200`), 200));
  });

  it.each(["user", "group", "client"])("renders a %s's role assignments as StandardRole", async (kind) => {
    const base =
      kind === "user" ? `/api/v1/users/${await createUser(ctx.api)}` : kind === "group" ? `/api/v1/groups/${await createGroup(ctx.api)}` : `/oauth2/v1/clients/${await createServiceApp(ctx.api)}`;
    for (const type of ["APP_ADMIN", "SUPER_ADMIN", "REPORT_ADMIN", "API_ACCESS_MANAGEMENT_ADMIN"]) {
      expectShape("StandardRole", expectStatus(await ctx.api("POST", `${base}/roles`, { type }), 201).body);
    }
    each("StandardRole", expectStatus(await ctx.api("GET", `${base}/roles`), 200));
  });

  it("renders every kind of error as Error", async () => {
    const user = `/api/v1/users/${await createUser(ctx.api)}`;
    await assignRole(ctx.api, user, "APP_ADMIN");
    const errors = [
      await ctx.api("GET", "/api/v1/users/00u00000000000000000"),
      await ctx.api("POST", `${user}/roles`, { type: "APP_ADMIN" }),
      await ctx.api("PUT", `${user}/roles/IFIFAX2BIRGUSTQ/targets/groups/00g00000000000000000`),
      await ctx.api("GET", `${user}/roles/IFIFAX2BIRGUSTQ/targets/catalog/apps?limit=0`),
      await ctx.api("GET", "/api/v1/users", undefined, { authorization: "SSWS wrong" }),
    ];
    for (const response of errors) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectShape("Error", response.body);
      expect(response.body.errorLink).toBe(response.body.errorCode);
      expect(response.body.errorId).toMatch(/^oae[A-Za-z0-9_-]{22}$/);
    }
  });

  it("renders users as User", async () => {
    expectShape("User", expectStatus(await ctx.api("GET", `/api/v1/users/${await createUser(ctx.api)}`), 200).body);
  });

  it.each([
    ["OpenIdConnectApplication", async () => createServiceApp(ctx.api)],
    ["BookmarkApplication", async () => createApp(ctx.api, "bookmark")],
  ])("renders apps as %s (nulls aside)", async (schemaName, create) => {
    const app = expectStatus(await ctx.api("GET", `/api/v1/apps/${await create()}`), 200).body;
    const validate = schemas.validator(schemaName);
    // Live traffic (recordings) has nulls where the spec says string or object (errorRedirectUrl,
    // notes.admin, universalLogout, ...); the recordings win, so nulls are left out of this check.
    const withoutNulls = JSON.parse(JSON.stringify(app, (_key, value: unknown) => (value === null ? undefined : value)));
    expect(validate(withoutNulls) ? [] : validate.errors).toEqual([]);
  });
});
