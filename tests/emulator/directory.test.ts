// Users, groups and apps: enough of Okta's directory for real clients to build fixtures.
import { expectStatus } from "./helpers/api";
import { createApp, createGroup, createUser } from "./helpers/fixtures";
import { parseLinks } from "./helpers/link-header";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();
const profile = (name: string) => ({ login: `${name}@example.com`, email: `${name}@example.com`, firstName: name, lastName: "Doe" });

describe("users", () => {
  it.each([
    ["activate=true and a password", "?activate=true", { password: { value: "Pa55word!x" } }, "ACTIVE"],
    ["activate=true without a password", "?activate=true", { password: {} }, "PROVISIONED"],
    ["no activate flag (default true)", "", undefined, "PROVISIONED"],
    ["activate=false", "?activate=false", undefined, "STAGED"],
  ])("creates a user with %s as %s", async (_what, query, credentials, status) => {
    const response = expectStatus(await ctx.api("POST", `/api/v1/users${query}`, { profile: profile("ann"), credentials }), 200);
    expect(response.body.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(response.body.status).toBe(status);
    expect(response.body.profile).toMatchObject({ ...profile("ann"), mobilePhone: null, secondEmail: null });
  });

  it("finds a user by id or login, and lists users with paging", async () => {
    const id = await createUser(ctx.api, "finder");
    expect(expectStatus(await ctx.api("GET", "/api/v1/users/finder@example.com"), 200).body.id).toBe(id);
    await createUser(ctx.api, "second");
    const page = expectStatus(await ctx.api("GET", "/api/v1/users?limit=1"), 200);
    expect(page.body).toHaveLength(1);
    expect(parseLinks(page.headers.get("link")).next).toContain("after=");
  });

  it("deactivates on the first DELETE and deletes on the second, as Okta does", async () => {
    const id = await createUser(ctx.api, "leaver");
    expectStatus(await ctx.api("DELETE", `/api/v1/users/${id}`), 204);
    expect(expectStatus(await ctx.api("GET", `/api/v1/users/${id}`), 200).body.status).toBe("DEPROVISIONED");
    expectStatus(await ctx.api("DELETE", `/api/v1/users/${id}`), 204);
    const gone = expectStatus(await ctx.api("GET", `/api/v1/users/${id}`), 404);
    expect(gone.body.errorSummary).toBe(`Not found: Resource not found: ${id} (User)`);
  });

  it("refuses a duplicate login and a missing profile field with 400 E0000001", async () => {
    await createUser(ctx.api, "twin");
    const duplicate = expectStatus(await ctx.api("POST", "/api/v1/users", { profile: profile("twin") }), 400);
    expect(duplicate.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: login" });
    const { email: _email, ...noEmail } = profile("nomail");
    expectStatus(await ctx.api("POST", "/api/v1/users", { profile: noEmail }), 400);
  });

  it("answers 400 E0000003 for a body that is not JSON", async () => {
    const response = await fetch(`${ctx.emulator.url}/api/v1/users`, {
      method: "POST",
      headers: { authorization: "SSWS emulator-token", "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe("E0000003");
  });
});

describe("groups", () => {
  it("creates, reads, renames and deletes a group", async () => {
    const id = await createGroup(ctx.api, "Finance");
    expect(id).toMatch(/^00g[0-9A-Za-z]{17}$/);
    const renamed = expectStatus(await ctx.api("PUT", `/api/v1/groups/${id}`, { profile: { name: "Finance EMEA" } }), 200);
    expect(renamed.body.profile).toEqual({ name: "Finance EMEA" });
    expectStatus(await ctx.api("DELETE", `/api/v1/groups/${id}`), 204);
    const gone = expectStatus(await ctx.api("GET", `/api/v1/groups/${id}`), 404);
    expect(gone.body.errorSummary).toBe(`Not found: Resource not found: ${id} (UserGroup)`);
  });

  it("finds groups by id with search=id eq … or …, leaving unknown ids out, and refuses a search it cannot read", async () => {
    const a = await createGroup(ctx.api, "Search A");
    await createGroup(ctx.api, "Search B");
    const c = await createGroup(ctx.api, "Search C");
    const search = encodeURIComponent(`id eq "${a}" or id eq "00gNoSuchGroup000001" or id eq "${c}"`);
    const found = expectStatus(await ctx.api("GET", `/api/v1/groups?search=${search}`), 200);
    expect((found.body as { id: string }[]).map((g) => g.id).sort()).toEqual([a, c].sort());
    const bad = expectStatus(await ctx.api("GET", `/api/v1/groups?search=${encodeURIComponent('profile.name sw "Se"')}`), 400);
    expect(bad.body.errorCode).toBe("E0000001");
  });

  it("searches groups by name prefix with q", async () => {
    await createGroup(ctx.api, "Sales EMEA");
    await createGroup(ctx.api, "Support");
    const found = expectStatus(await ctx.api("GET", "/api/v1/groups?q=sal"), 200);
    expect(found.body.map((g: { profile: { name: string } }) => g.profile.name)).toEqual(["Sales EMEA"]);
  });

  it("refuses a second group with the same name", async () => {
    await createGroup(ctx.api, "Unique");
    expectStatus(await ctx.api("POST", "/api/v1/groups", { profile: { name: "Unique" } }), 400);
  });
});

describe("apps", () => {
  it("creates an OIN app instance whose key is its name and whose label is free text", async () => {
    const response = expectStatus(await ctx.api("POST", "/api/v1/apps?activate=true", { name: "salesforce", label: "Salesforce EU" }), 200);
    expect(response.body).toMatchObject({ name: "salesforce", label: "Salesforce EU", status: "ACTIVE", signOnMode: "SAML_2_0" });
    expect(response.body.id).toMatch(/^0oa[0-9A-Za-z]{17}$/);
  });

  it("makes an oidc_client app's client_id equal to its id, usable under /oauth2/v1/clients", async () => {
    const body = {
      name: "oidc_client",
      label: "automation",
      credentials: { oauthClient: { token_endpoint_auth_method: "private_key_jwt" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
    };
    const app = expectStatus(await ctx.api("POST", "/api/v1/apps", body), 200).body;
    expect(app.credentials.oauthClient.client_id).toBe(app.id);
    expect(app.credentials.oauthClient).not.toHaveProperty("client_secret");
    expect(app.settings.oauthClient.application_type).toBe("service");
    expectStatus(await ctx.api("GET", `/oauth2/v1/clients/${app.id}/roles`), 200);
  });

  it("shows a client secret only in the answer to the create call, as Okta does", async () => {
    const body = { name: "oidc_client", label: "secretive", settings: { oauthClient: { application_type: "service" } } };
    const created = expectStatus(await ctx.api("POST", "/api/v1/apps", body), 200).body;
    expect(created.credentials.oauthClient).toMatchObject({ token_endpoint_auth_method: "client_secret_basic", client_secret: expect.any(String) });
    const read = expectStatus(await ctx.api("GET", `/api/v1/apps/${created.id}`), 200).body;
    expect(read.credentials.oauthClient).not.toHaveProperty("client_secret");
  });

  it("refuses a bookmark app without a URL", async () => {
    const response = expectStatus(await ctx.api("POST", "/api/v1/apps", { name: "bookmark", label: "No URL" }), 400);
    expect(response.body.errorSummary).toBe("Api validation failed: url");
  });

  it("refuses an app name that is not in the OIN catalog", async () => {
    const response = expectStatus(await ctx.api("POST", "/api/v1/apps", { name: "not_an_oin_app", label: "x" }), 400);
    expect(response.body.errorSummary).toBe("Api validation failed: name");
  });

  it("refuses to delete an active app (403 E0000056) until it is deactivated", async () => {
    const id = await createApp(ctx.api, "slack");
    const refused = expectStatus(await ctx.api("DELETE", `/api/v1/apps/${id}`), 403);
    expect(refused.body.errorCode).toBe("E0000056");
    expect(expectStatus(await ctx.api("POST", `/api/v1/apps/${id}/lifecycle/deactivate`), 200).body).toEqual({});
    expect(expectStatus(await ctx.api("GET", `/api/v1/apps/${id}`), 200).body.status).toBe("INACTIVE");
    expectStatus(await ctx.api("DELETE", `/api/v1/apps/${id}`), 204);
    expectStatus(await ctx.api("GET", `/api/v1/apps/${id}`), 404);
  });

  it("ships an OIN catalog of at least 20 apps including the well-known keys", async () => {
    const catalog = expectStatus(await ctx.api("GET", "/api/v1/catalog/apps"), 200).body as { name: string; displayName: string; category: string }[];
    expect(catalog.length).toBeGreaterThanOrEqual(20);
    const keys = catalog.map((entry) => entry.name);
    for (const key of ["salesforce", "google", "facebook", "slack", "zoomus", "box", "github", "bookmark", "oidc_client", "template_swa"]) {
      expect(keys).toContain(key);
    }
    for (const entry of catalog) expect(entry).toMatchObject({ displayName: expect.any(String), category: expect.any(String) });
  });

  it("answers the org discovery document without credentials", async () => {
    const response = await fetch(`${ctx.emulator.url}/.well-known/okta-organization`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { _links: unknown })._links).toEqual({ organization: { href: ctx.emulator.url } });
  });
});
