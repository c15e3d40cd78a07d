// assignRole on the real engine with the packed tarball against the emulator: each principal kind's role is
// scoped in the request right after its creation, a create that cannot scope takes the role back, destroy
// unassigns, and two owners of one role are refused at preview.
import { startEmulator } from "../../emulator";
import { OktaClient } from "../../sdk/okta-client";
import { Principal } from "../../sdk/types";
import { BINDING_PROGRAM, BindingSpec, bindingConfig } from "../helpers/binding-program";
import { createProgram } from "../helpers/pulumi-program";
import { ORG, testOrgSeed } from "../helpers/test-org";

jest.setTimeout(300_000);

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let client: OktaClient;

const failure = (run: Promise<unknown>) => run.then(() => undefined, (e: unknown) => e);
const roleOf = async (p: Principal, type: string) => (await client.listRoleAssignments(p)).find((r) => r.type === type);
const writes = () => emulator.requests().filter((r) => r.method !== "GET" && !r.path.startsWith("/oauth2/v1/token"));

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  client = new OktaClient({ orgUrl: emulator.url, auth: { method: "apiToken", apiToken: ORG.token } });
});
afterAll(async () => emulator?.close());

const owners: [string, Principal, BindingSpec, string][] = [
  ["a user", { kind: "user", id: ORG.alice }, { type: "GroupTargetBinding", name: "user-owner", args: { userId: ORG.alice, roleType: "USER_ADMIN", assignRole: true, groupIds: [ORG.emea, ORG.apac] } }, `/groups/${ORG.emea}`],
  ["a group", { kind: "group", id: ORG.itAdmins }, { type: "GroupTargetBinding", name: "group-owner", args: { groupId: ORG.itAdmins, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: [ORG.eng] } }, `/groups/${ORG.eng}`],
  ["an OAuth client", { kind: "client", id: ORG.client }, { type: "GroupTargetBinding", name: "client-owner", args: { clientId: ORG.client, roleType: "USER_ADMIN", assignRole: true, groupIds: [ORG.apac, ORG.extra] } }, `/groups/${ORG.apac}`],
];

describe("a program whose bindings own their roles", () => {
  it("up assigns each role and scopes it in the very next request; destroy unassigns each", async () => {
    emulator.reset();
    emulator.clearRequests();
    const p = await createProgram({ project: "assign-role", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, owners.map((o) => o[2])) });
    try {
      await p.up();
      const log = emulator.requests();
      for (const [, principal, spec, firstPath] of owners) {
        const role = await roleOf(principal, spec.args.roleType as string);
        expect(role).toBeDefined();
        const held = (await client.listGroupTargets(principal, role!.id)).map((g) => g.id).sort();
        expect(held).toEqual([...(spec.args.groupIds as string[])].sort());
        const created = log.findIndex((r) => r.method === "POST" && r.path.endsWith(`/${principal.id}/roles`));
        expect(created).toBeGreaterThanOrEqual(0);
        // No other request to this role between its creation and its first target (other roles' requests may interleave).
        const next = log.slice(created + 1).find((r) => r.path.includes(`/${principal.id}/roles/${role!.id}`));
        expect(`${next?.method} ${next?.path}`).toMatch(new RegExp(`^PUT .*/roles/${role!.id}/targets${firstPath}$`));
      }
      // Owning the role adds no standing diff: the next preview of the same program is quiet.
      await p.preview({ expectNoChanges: true });
      await p.destroy();
      for (const [, principal, spec] of owners) expect(await roleOf(principal, spec.args.roleType as string)).toBeUndefined();
    } finally {
      await p.cleanup();
    }
  });
});

/** Deletes `groupId` from the org the moment the role POST for `principalId` arrives, before Okta answers it. */
async function deleteGroupWhenRoleIsAssigned(principalId: string, groupId: string): Promise<void> {
  for (;;) {
    const r = await emulator.nextRequest();
    if (r.method === "POST" && r.path.endsWith(`/${principalId}/roles`)) return emulator.runtime.state.deleteGroup(groupId, Date.now());
  }
}

describe("a create whose first target Okta does not have", () => {
  it("fails, says the role was unassigned again, and leaves the principal without it", async () => {
    emulator.reset();
    // The group exists when preview looks it up, and is deleted while the role is being assigned: the first add meets Okta's 404.
    const spec: BindingSpec = { type: "GroupTargetBinding", name: "bad-owner", args: { userId: ORG.bob, roleType: "HELP_DESK_ADMIN", assignRole: true, groupIds: [ORG.extra, ORG.emea] } };
    const p = await createProgram({ project: "assign-role-bad", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, [spec]) });
    try {
      const deleted = deleteGroupWhenRoleIsAssigned(ORG.bob, ORG.extra);
      const err = await failure(p.up());
      await deleted;
      expect(String(err)).toMatch(/could not add group 00gextra000000000001, the first declared target/);
      expect(String(err)).toMatch(/Unassigned HELP_DESK_ADMIN from user 00ubob00000000000001 again/);
      expect(await roleOf({ kind: "user", id: ORG.bob }, "HELP_DESK_ADMIN")).toBeUndefined();
    } finally {
      await p.cleanup();
    }
  });
});

describe("two owners of one role", () => {
  it("are refused at preview naming both, before anything is written", async () => {
    emulator.reset();
    emulator.clearRequests();
    const specs: BindingSpec[] = [
      { type: "AppTargetBinding", name: "catalog", args: { userId: ORG.bob, roleType: "APP_ADMIN", assignRole: true, appNames: ["salesforce"] } },
      { type: "AppInstanceTargetBinding", name: "instances", args: { userId: ORG.bob, roleType: "APP_ADMIN", assignRole: true, apps: [{ appName: "bookmark", appId: ORG.wiki }] } },
    ];
    const p = await createProgram({ project: "assign-role-owners", program: BINDING_PROGRAM, config: bindingConfig(emulator.url, ORG.token, specs) });
    try {
      const err = await failure(p.preview());
      expect(String(err)).toMatch(/bindings "(instances|catalog)" and "(catalog|instances)" both set assignRole: true for APP_ADMIN on user 00ubob00000000000001/);
      expect(writes()).toEqual([]);
    } finally {
      await p.cleanup();
    }
  });
});
