// The /__emulator/ controls: reset, seed, request log and state dump, over plain HTTP without auth.
import { apiFor, expectStatus, type Api } from "./helpers/api";
import { createGroup } from "./helpers/fixtures";
import { useEmulator } from "./helpers/running-emulator";

const START_SEED = {
  users: [{ id: "00uControlUser000001", ref: "ctl", profile: { login: "ctl@example.com", email: "ctl@example.com", firstName: "C", lastName: "T" } }],
  groups: [{ id: "00gControlGroup00001", profile: { name: "Seeded" } }],
  roleAssignments: [{ principal: { user: "@ctl" }, type: "HELP_DESK_ADMIN", groupTargets: ["00gControlGroup00001"] }],
};
const ctx = useEmulator({ seed: START_SEED, rateLimit: { limit: 2, windowSeconds: 60 } });
let control: Api;

beforeAll(() => {
  control = apiFor(ctx.emulator.url, null);
});

describe("test controls", () => {
  it("resets to the start-up seed with POST /__emulator/reset", async () => {
    await createGroup(ctx.api, "Extra");
    expectStatus(await control("POST", "/__emulator/reset"), 204);
    const state = expectStatus(await control("GET", "/__emulator/state"), 200).body;
    expect(state.groups).toEqual([{ id: "00gControlGroup00001", name: "Seeded" }]);
  });

  it("replaces the org with POST /__emulator/seed, while reset still returns to the start-up seed", async () => {
    const seed = { groups: [{ id: "00gReplacementGrp001", profile: { name: "Replacement" } }] };
    expectStatus(await control("POST", "/__emulator/seed", seed), 204);
    expect(expectStatus(await control("GET", "/__emulator/state"), 200).body.groups).toEqual([{ id: "00gReplacementGrp001", name: "Replacement" }]);
    expectStatus(await control("POST", "/__emulator/reset"), 204);
    expect(expectStatus(await control("GET", "/__emulator/state"), 200).body.groups[0].id).toBe("00gControlGroup00001");
  });

  it.each([
    ["a non-object", [1, 2], "seed: must be a JSON object"],
    ["an unknown key", { people: [] }, "seed.people: unknown key"],
    ["a malformed id", { groups: [{ id: "group-1", profile: { name: "x" } }] }, "groups[0].id"],
    ["a dangling reference", { roleAssignments: [{ principal: { user: "@ghost" }, type: "APP_ADMIN" }] }, "roleAssignments[0].principal.user: '@ghost' matches nothing"],
    ["a wrong target kind", { groups: [{ ref: "g", profile: { name: "g" } }], roleAssignments: [{ principal: { group: "@g" }, type: "APP_ADMIN", groupTargets: ["@g"] }] }, "roleAssignments[0]: The provided role type"],
  ])("refuses a seed with %s with 400 and a message naming the entry", async (_what, seed, message) => {
    const response = expectStatus(await control("POST", "/__emulator/seed", seed), 400);
    expect(response.body.error).toBe("bad_request");
    expect(response.body.message).toContain(message);
  });

  it("dumps principals → role assignments → targets", async () => {
    const state = expectStatus(await control("GET", "/__emulator/state"), 200).body;
    expect(state.principals).toEqual([
      {
        kind: "user",
        id: "00uControlUser000001",
        roleAssignments: [{ id: "JBCUYUC7IRCVGS27IFCE2SKO", type: "HELP_DESK_ADMIN", lastUpdated: expect.any(String), groupTargets: ["00gControlGroup00001"], appTargets: [] }],
      },
    ]);
  });

  it("logs API requests (method, path, query, status, time) but never credentials", async () => {
    expectStatus(await control("DELETE", "/__emulator/requests"), 204);
    await ctx.api("GET", "/api/v1/groups?q=Se&limit=5", undefined, { "x-okta-retry-for": "abc", "x-okta-retry-count": "1" });
    await ctx.api("GET", "/api/v1/groups/00gNope0000000000000");
    const log = expectStatus(await control("GET", "/__emulator/requests"), 200).body;
    expect(log).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v1/groups", query: { q: "Se", limit: "5" }, status: 200, retryFor: "abc", retryCount: "1" }),
      expect.objectContaining({ method: "GET", path: "/api/v1/groups/00gNope0000000000000", status: 404 }),
    ]);
    expect(Date.parse(log[0].time)).not.toBeNaN();
    expect(JSON.stringify(log)).not.toContain(ctx.emulator.apiToken);
  });

  it("filters the log with ?since=<index> and refuses a bad index", async () => {
    await ctx.api("GET", "/api/v1/groups");
    const all = expectStatus(await control("GET", "/__emulator/requests"), 200).body;
    const last = all[all.length - 1].index;
    await ctx.api("GET", "/api/v1/users");
    const since = expectStatus(await control("GET", `/__emulator/requests?since=${last + 1}`), 200).body;
    expect(since.map((entry: { path: string }) => entry.path)).toEqual(["/api/v1/users"]);
    expectStatus(await control("GET", "/__emulator/requests?since=-1"), 400);
  });

  it("keeps controls out of the rate limit and the log", async () => {
    expectStatus(await control("DELETE", "/__emulator/requests"), 204);
    for (let i = 0; i < 5; i += 1) expectStatus(await control("GET", "/__emulator/state"), 200);
    expect(expectStatus(await control("GET", "/__emulator/requests"), 200).body).toEqual([]);
    expect((await control("GET", "/__emulator/state")).headers.get("x-rate-limit-remaining")).toBeNull();
  });

  it("serves controls only under /__emulator, never under /api or /oauth2", async () => {
    expectStatus(await ctx.api("POST", "/api/v1/__emulator/reset"), 404);
    expectStatus(await ctx.api("POST", "/oauth2/v1/__emulator/reset"), 404);
  });
});
