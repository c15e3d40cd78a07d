// Proves each operation sends the right method to the right encoded path for every principal kind.
import { OktaClient } from "../../../sdk/okta-client";
import type { PrincipalKind } from "../../../sdk/types";
import { useFakeServer } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const enc = encodeURIComponent;
const PRINCIPAL_ID = "00u a/../b";
const RA = "IFI?x#y";
const GROUP = "%2F..";
const APP_NAME = "../apps";
const APP_ID = "0oa ünï/côdé";

const BASES: Record<PrincipalKind, string> = {
  user: `/api/v1/users/${enc(PRINCIPAL_ID)}/roles`,
  group: `/api/v1/groups/${enc(PRINCIPAL_ID)}/roles`,
  client: `/oauth2/v1/clients/${enc(PRINCIPAL_ID)}/roles`,
};

type Operation = [string, (c: OktaClient, kind: PrincipalKind) => Promise<unknown>, string, string];

const OPERATIONS: Operation[] = [
  ["listRoleAssignments", (c, k) => c.listRoleAssignments({ kind: k, id: PRINCIPAL_ID }), "GET", ""],
  ["getRoleAssignment", (c, k) => c.getRoleAssignment({ kind: k, id: PRINCIPAL_ID }, RA), "GET", `/${enc(RA)}`],
  ["assignRole", (c, k) => c.assignRole({ kind: k, id: PRINCIPAL_ID }, "APP_ADMIN"), "POST", ""],
  ["unassignRole", (c, k) => c.unassignRole({ kind: k, id: PRINCIPAL_ID }, RA), "DELETE", `/${enc(RA)}`],
  ["listGroupTargets", (c, k) => c.listGroupTargets({ kind: k, id: PRINCIPAL_ID }, RA), "GET", `/${enc(RA)}/targets/groups?limit=200`],
  ["assignGroupTarget", (c, k) => c.assignGroupTarget({ kind: k, id: PRINCIPAL_ID }, RA, GROUP), "PUT", `/${enc(RA)}/targets/groups/${enc(GROUP)}`],
  ["removeGroupTarget", (c, k) => c.removeGroupTarget({ kind: k, id: PRINCIPAL_ID }, RA, GROUP), "DELETE", `/${enc(RA)}/targets/groups/${enc(GROUP)}`],
  ["listAppTargets", (c, k) => c.listAppTargets({ kind: k, id: PRINCIPAL_ID }, RA), "GET", `/${enc(RA)}/targets/catalog/apps?limit=200`],
  ["assignCatalogAppTarget", (c, k) => c.assignCatalogAppTarget({ kind: k, id: PRINCIPAL_ID }, RA, APP_NAME), "PUT", `/${enc(RA)}/targets/catalog/apps/${enc(APP_NAME)}`],
  ["removeCatalogAppTarget", (c, k) => c.removeCatalogAppTarget({ kind: k, id: PRINCIPAL_ID }, RA, APP_NAME), "DELETE", `/${enc(RA)}/targets/catalog/apps/${enc(APP_NAME)}`],
  ["assignAppInstanceTarget", (c, k) => c.assignAppInstanceTarget({ kind: k, id: PRINCIPAL_ID }, RA, APP_NAME, APP_ID), "PUT", `/${enc(RA)}/targets/catalog/apps/${enc(APP_NAME)}/${enc(APP_ID)}`],
  ["removeAppInstanceTarget", (c, k) => c.removeAppInstanceTarget({ kind: k, id: PRINCIPAL_ID }, RA, APP_NAME, APP_ID), "DELETE", `/${enc(RA)}/targets/catalog/apps/${enc(APP_NAME)}/${enc(APP_ID)}`],
];

const CASES = (["user", "group", "client"] as PrincipalKind[]).flatMap((kind) =>
  OPERATIONS.map(([name, run, method, suffix]) => [kind, name, run, method, BASES[kind] + suffix] as const),
);

const server = useFakeServer();
beforeEach(() => {
  server.handle((req) => {
    if (req.method === "GET") return { status: 200, body: req.url.includes("/targets/") || !/\/roles\/[^/]+$/.test(req.url.split("?")[0]) ? [] : { id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" } };
    if (req.method === "POST") return { status: 201, body: { id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" } };
    return { status: 204 };
  });
});

describe("OktaClient paths", () => {
  it.each(CASES)("for a %s, %s sends exactly one request to the encoded path", async (_kind, _name, run, method, path) => {
    const { client } = makeClient(server.url);
    await run(client, _kind);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`${method} ${path}`]);
  });

  it("sends the role type as the JSON body of assignRole", async () => {
    const { client } = makeClient(server.url);
    const role = await client.assignRole({ kind: "client", id: "0oa1" }, "HELP_DESK_ADMIN");
    expect(JSON.parse(server.requests[0].body)).toEqual({ type: "HELP_DESK_ADMIN" });
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    expect(role).toEqual({ id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" });
  });

  it("never assigns all apps: no operation PUTs to catalog/apps without a name", async () => {
    const { client } = makeClient(server.url);
    for (const [, run] of OPERATIONS) await run(client, "user");
    await expect(client.assignCatalogAppTarget({ kind: "user", id: "00u1" }, RA, "")).rejects.toThrow(TypeError);
    await expect(client.assignAppInstanceTarget({ kind: "user", id: "00u1" }, RA, "", "0oa1")).rejects.toThrow(TypeError);
    const puts = server.requests.filter((r) => r.method === "PUT").map((r) => r.url.split("?")[0]);
    expect(puts.filter((p) => p.endsWith("/catalog/apps") || p.endsWith("/catalog/apps/"))).toEqual([]);
    expect(Object.getOwnPropertyNames(OktaClient.prototype).filter((n) => /all/i.test(n))).toEqual(["listAll"]);
  });

  it.each(["", ".", ".."])("rejects the id %j without sending anything", async (id) => {
    const { client } = makeClient(server.url);
    await expect(client.listGroupTargets({ kind: "user", id }, RA)).rejects.toThrow(TypeError);
    await expect(client.removeGroupTarget({ kind: "user", id: "00u1" }, RA, id)).rejects.toThrow(TypeError);
    expect(server.requests).toEqual([]);
  });

  it("finds a role assignment by type among the listed ones", async () => {
    server.handle(() => ({ status: 200, body: [{ id: "A", type: "USER_ADMIN" }, { id: "B", type: "APP_ADMIN" }] }));
    const { client } = makeClient(server.url);
    expect(await client.findRoleAssignment({ kind: "group", id: "00g1" }, "APP_ADMIN")).toEqual({ id: "B", type: "APP_ADMIN" });
    expect(await client.findRoleAssignment({ kind: "group", id: "00g1" }, "HELP_DESK_ADMIN")).toBeUndefined();
  });

  it("skips a role a user holds only through a group, whose targets belong to the group", async () => {
    server.handle(() => ({
      status: 200,
      body: [
        { id: "G", type: "HELP_DESK_ADMIN", assignmentType: "GROUP" },
        { id: "U", type: "APP_ADMIN", assignmentType: "USER" },
        { id: "G2", type: "APP_ADMIN", assignmentType: "GROUP" },
      ],
    }));
    const { client } = makeClient(server.url);
    expect(await client.findRoleAssignment({ kind: "user", id: "00u1" }, "HELP_DESK_ADMIN")).toBeUndefined();
    expect(await client.findRoleAssignment({ kind: "user", id: "00u1" }, "APP_ADMIN")).toMatchObject({ id: "U" });
  });

  it("reads an app instance's catalog key from /api/v1/apps/{id}", async () => {
    server.handle(() => ({ status: 200, body: { id: "0oa1", name: "template_swa", label: "My App" } }));
    const { client } = makeClient(server.url);
    expect(await client.getApp("0oa 1")).toEqual({ id: "0oa1", name: "template_swa", label: "My App" });
    expect(server.requests[0].url).toBe("/api/v1/apps/0oa%201");
  });
});
