// Okta's own Node.js SDK (a real third-party client) against the emulator: fixtures, roles, targets, paging, OAuth.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@okta/okta-sdk-nodejs";
import { DEMO_ORG_SEED_PATH } from "../../emulator";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();
let client: Client;

beforeAll(() => {
  // The SDK takes any orgUrl; plain http on 127.0.0.1 needs no special option in v8.
  client = new Client({ orgUrl: ctx.emulator.url, token: ctx.emulator.apiToken });
});

async function fixtures(): Promise<{ userId: string; groupIds: string[]; appId: string }> {
  const user = await client.userApi.createUser({
    body: { profile: { login: "sdk@example.com", email: "sdk@example.com", firstName: "Sdk", lastName: "User" } },
    activate: true,
  });
  const groupIds: string[] = [];
  for (const name of ["SDK A", "SDK B", "SDK C"]) {
    groupIds.push((await client.groupApi.createGroup({ group: { profile: { name } } })).id ?? "");
  }
  const app = await client.applicationApi.createApplication({
    application: { name: "bookmark", label: "SDK Wiki", signOnMode: "BOOKMARK", settings: { app: { url: "https://wiki.example.com" } } } as never,
    activate: true,
  });
  return { userId: user.id ?? "", groupIds: groupIds.sort(), appId: app.id ?? "" };
}

// The SDK's collections yield null at the end of some pages; keep the items.
async function collect<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) if (item !== null) items.push(item);
  return items;
}

describe("@okta/okta-sdk-nodejs against the emulator", () => {
  it("assigns a user role and manages its group targets, paging with limit 1 through Link headers", async () => {
    const { userId, groupIds } = await fixtures();
    const role = await client.roleAssignmentApi.assignRoleToUser({ userId, assignRoleRequest: { type: "USER_ADMIN" } });
    expect(role).toMatchObject({ id: "KVJUKUS7IFCE2SKO", type: "USER_ADMIN", assignmentType: "USER" });
    for (const groupId of [...groupIds].reverse()) await client.roleTargetApi.assignGroupTargetToUserRole({ userId, roleId: "KVJUKUS7IFCE2SKO", groupId });
    const before = ctx.emulator.requests().length;
    const listed = await collect(await client.roleTargetApi.listGroupTargetsForRole({ userId, roleId: "KVJUKUS7IFCE2SKO", limit: 1 }));
    expect(listed.map((group) => group.id)).toEqual(groupIds);
    const pages = ctx.emulator.requests().slice(before).filter((entry) => entry.path.endsWith("/targets/groups"));
    expect(pages.map((entry) => entry.query.after === undefined)).toEqual([true, false, false]);
    await client.roleTargetApi.unassignGroupTargetFromUserAdminRole({ userId, roleId: "KVJUKUS7IFCE2SKO", groupId: groupIds[0] ?? "" });
    await expect(client.roleTargetApi.unassignGroupTargetFromUserAdminRole({ userId, roleId: "KVJUKUS7IFCE2SKO", groupId: groupIds[1] ?? "" })).resolves.toBeUndefined();
    await expect(client.roleTargetApi.unassignGroupTargetFromUserAdminRole({ userId, roleId: "KVJUKUS7IFCE2SKO", groupId: groupIds[2] ?? "" })).rejects.toMatchObject({
      status: 400,
      errorCode: "E0000001",
    });
  });

  it("manages catalog and instance app targets of a user's APP_ADMIN, which replace each other", async () => {
    const { userId, appId } = await fixtures();
    await client.roleAssignmentApi.assignRoleToUser({ userId, assignRoleRequest: { type: "APP_ADMIN" } });
    const roleId = "IFIFAX2BIRGUSTQ";
    await client.roleTargetApi.assignAppTargetToAdminRoleForUser({ userId, roleId, appName: "bookmark" });
    await client.roleTargetApi.assignAppInstanceTargetToAppAdminRoleForUser({ userId, roleId, appName: "bookmark", applicationId: appId });
    await client.roleTargetApi.assignAppTargetToAdminRoleForUser({ userId, roleId, appName: "slack" });
    const targets = await collect(await client.roleTargetApi.listApplicationTargetsForApplicationAdministratorRoleForUser({ userId, roleId }));
    expect(targets.map((target) => [target.name, target.id])).toEqual([["slack", undefined], ["SDK Wiki", appId]]);
    await client.roleTargetApi.unassignAppInstanceTargetFromAdminRoleForUser({ userId, roleId, appName: "bookmark", applicationId: appId });
    await client.roleTargetApi.assignAllAppsAsTargetToRoleForUser({ userId, roleId });
    expect(await collect(await client.roleTargetApi.listApplicationTargetsForApplicationAdministratorRoleForUser({ userId, roleId }))).toEqual([]);
  });

  it("manages a group's roles and targets", async () => {
    const { groupIds, appId } = await fixtures();
    const [groupId = "", targetGroupId = ""] = groupIds;
    await client.roleAssignmentApi.assignRoleToGroup({ groupId, assignRoleRequest: { type: "HELP_DESK_ADMIN" } });
    await client.roleAssignmentApi.assignRoleToGroup({ groupId, assignRoleRequest: { type: "APP_ADMIN" } });
    await client.roleTargetApi.assignGroupTargetToGroupAdminRole({ groupId, roleId: "JBCUYUC7IRCVGS27IFCE2SKO", targetGroupId });
    await client.roleTargetApi.assignAppInstanceTargetToAppAdminRoleForGroup({ groupId, roleId: "IFIFAX2BIRGUSTQ", appName: "bookmark", applicationId: appId });
    const groups = await collect(await client.roleTargetApi.listGroupTargetsForGroupRole({ groupId, roleId: "JBCUYUC7IRCVGS27IFCE2SKO" }));
    expect(groups.map((group) => group.id)).toEqual([targetGroupId]);
    const apps = await collect(await client.roleTargetApi.listApplicationTargetsForApplicationAdministratorRoleForGroup({ groupId, roleId: "IFIFAX2BIRGUSTQ" }));
    expect(apps.map((app) => app.id)).toEqual([appId]);
    const roles = await collect(await client.roleAssignmentApi.listGroupAssignedRoles({ groupId }));
    expect(roles.map((role) => role.type)).toEqual(["HELP_DESK_ADMIN", "APP_ADMIN"]);
    await client.roleAssignmentApi.unassignRoleFromGroup({ groupId, roleId: "IFIFAX2BIRGUSTQ" });
    await expect(client.roleAssignmentApi.getGroupAssignedRole({ groupId, roleId: "IFIFAX2BIRGUSTQ" })).rejects.toMatchObject({ status: 404, errorCode: "E0000007" });
  });

  it("manages a service client's roles and targets", async () => {
    const { groupIds, appId } = await fixtures();
    const service = await client.applicationApi.createApplication({
      application: { name: "oidc_client", label: "SDK service", signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } } } as never,
    });
    const clientId = service.id ?? "";
    await client.roleAssignmentApi.assignRoleToClient({ clientId, assignRoleRequest: { type: "APP_ADMIN" } });
    await client.roleAssignmentApi.assignRoleToClient({ clientId, assignRoleRequest: { type: "GROUP_MEMBERSHIP_ADMIN" } });
    await client.roleTargetApi.assignAppTargetRoleToClient({ clientId, roleAssignmentId: "IFIFAX2BIRGUSTQ", appName: "salesforce" });
    await client.roleTargetApi.assignAppTargetInstanceRoleForClient({ clientId, roleAssignmentId: "IFIFAX2BIRGUSTQ", appName: "bookmark", appId });
    await client.roleTargetApi.assignGroupTargetRoleForClient({ clientId, roleAssignmentId: "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA", groupId: groupIds[0] ?? "" });
    const apps = await collect(await client.roleTargetApi.listAppTargetRoleToClient({ clientId, roleAssignmentId: "IFIFAX2BIRGUSTQ" }));
    expect(apps.map((app) => app.name)).toEqual(["SDK Wiki", "salesforce"]);
    await client.roleTargetApi.removeAppTargetRoleFromClient({ clientId, roleAssignmentId: "IFIFAX2BIRGUSTQ", appName: "salesforce" });
    const groups = await collect(await client.roleTargetApi.listGroupTargetRoleForClient({ clientId, roleAssignmentId: "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA" }));
    expect(groups.map((group) => group.id)).toEqual([groupIds[0]]);
    const roles = await collect(await client.roleAssignmentApi.listRolesForClient({ clientId }));
    expect(roles.map((role) => role.id)).toEqual(["IFIFAX2BIRGUSTQ", "I5JE6VKQL5GUKTKCIVJFGSCJKBPUCRCNJFHA"]);
    await client.roleAssignmentApi.deleteRoleFromClient({ clientId, roleAssignmentId: "IFIFAX2BIRGUSTQ" });
  });

  it("gets a private_key_jwt token for the demo service app and calls the API with it", async () => {
    ctx.emulator.loadSeed(JSON.parse(readFileSync(DEMO_ORG_SEED_PATH, "utf8")));
    const oauthClient = new Client({
      orgUrl: ctx.emulator.url,
      authorizationMode: "PrivateKey",
      clientId: "0oaDemoPlatformAuto1",
      scopes: ["okta.roles.read", "okta.roles.manage"],
      privateKey: readFileSync(join(__dirname, "..", "..", "emulator", "demo-org.private-key.pem"), "utf8"),
    });
    const roles = await collect(await oauthClient.roleAssignmentApi.listRolesForClient({ clientId: "0oaDemoPlatformAuto1" }));
    expect(roles.map((role) => role.type)).toEqual(["APP_ADMIN"]);
    await oauthClient.roleTargetApi.assignAppTargetRoleToClient({ clientId: "0oaDemoPlatformAuto1", roleAssignmentId: "IFIFAX2BIRGUSTQ", appName: "slack" });
    const log = ctx.emulator.requests();
    expect(log.some((entry) => entry.path === "/oauth2/v1/token" && entry.status === 200)).toBe(true);
    await expect(collect(await oauthClient.userApi.listUsers())).rejects.toMatchObject({ status: 403, errorCode: "E0000006" });
  });

  it("completes the DPoP nonce dance and calls the API with DPoP proofs for a DPoP-bound demo client", async () => {
    ctx.emulator.loadSeed(JSON.parse(readFileSync(DEMO_ORG_SEED_PATH, "utf8")));
    ctx.emulator.clearRequests();
    const dpopClient = new Client({
      orgUrl: ctx.emulator.url,
      authorizationMode: "PrivateKey",
      clientId: "0oaDemoPlatformDpop1",
      scopes: ["okta.roles.read"],
      privateKey: readFileSync(join(__dirname, "..", "..", "emulator", "demo-org.private-key.pem"), "utf8"),
    });
    const roles = await collect(await dpopClient.roleAssignmentApi.listRolesForClient({ clientId: "0oaDemoPlatformAuto1" }));
    expect(roles.map((role) => role.type)).toEqual(["APP_ADMIN"]);
    expect(ctx.emulator.requests().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      "POST /oauth2/v1/token 400",
      "POST /oauth2/v1/token 200",
      "GET /oauth2/v1/clients/0oaDemoPlatformAuto1/roles 200",
    ]);
  });
});
