// Cursor paging of target lists: limit 1..200 (default 20), Link self/next, opaque cursors.
import { expectStatus } from "./helpers/api";
import { assignRole, createGroup, createUser } from "./helpers/fixtures";
import { parseLinks } from "./helpers/link-header";
import { useEmulator } from "./helpers/running-emulator";

const ctx = useEmulator();

async function roleWithGroupTargets(count: number): Promise<{ role: string; groups: string[] }> {
  const user = `/api/v1/users/${await createUser(ctx.api)}`;
  const role = `${user}/roles/${await assignRole(ctx.api, user, "USER_ADMIN")}`;
  const groups: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const group = await createGroup(ctx.api);
    expectStatus(await ctx.api("PUT", `${role}/targets/groups/${group}`), 204);
    groups.push(group);
  }
  return { role, groups: groups.sort() };
}

describe("paging of target lists", () => {
  it("walks every page with limit=1 by following rel=next until it disappears", async () => {
    const { role, groups } = await roleWithGroupTargets(3);
    const seen: string[] = [];
    let next: string | undefined = `${ctx.emulator.url}${role}/targets/groups?limit=1`;
    let pages = 0;
    while (next) {
      const response = expectStatus(await ctx.api("GET", next.slice(ctx.emulator.url.length)), 200);
      expect(response.body).toHaveLength(1);
      seen.push(response.body[0].id);
      const links = parseLinks(response.headers.get("link"));
      expect(links.self).toBeDefined();
      next = links.next;
      if (next) expect(new URL(next).searchParams.get("limit")).toBe("1");
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(groups);
  });

  it("puts an opaque after cursor and the limit in the next link, and echoes the request in self", async () => {
    const { role } = await roleWithGroupTargets(2);
    const response = expectStatus(await ctx.api("GET", `${role}/targets/groups?limit=1`), 200);
    const links = parseLinks(response.headers.get("link"));
    expect(links.self).toBe(`${ctx.emulator.url}${role}/targets/groups?limit=1`);
    const next = new URL(links.next ?? "");
    expect(next.pathname).toBe(`${role}/targets/groups`);
    expect(next.searchParams.get("after")).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(next.searchParams.get("after")).not.toContain("00g");
  });

  it("serves 20 items by default and at most 200 on request", async () => {
    const { role, groups } = await roleWithGroupTargets(21);
    const first = expectStatus(await ctx.api("GET", `${role}/targets/groups`), 200);
    expect(first.body).toHaveLength(20);
    expect(parseLinks(first.headers.get("link")).next).toContain("limit=20");
    const all = expectStatus(await ctx.api("GET", `${role}/targets/groups?limit=200`), 200);
    expect(all.body.map((g: { id: string }) => g.id)).toEqual(groups);
    expect(parseLinks(all.headers.get("link")).next).toBeUndefined();
  });

  it.each(["0", "201", "-1", "abc", "1.5", ""])("refuses limit=%s with 400 E0000001", async (limit) => {
    const { role } = await roleWithGroupTargets(1);
    const response = expectStatus(await ctx.api("GET", `${role}/targets/groups?limit=${limit}`), 400);
    expect(response.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: limit" });
  });

  it("refuses an after cursor it did not issue with 400 E0000001", async () => {
    const { role } = await roleWithGroupTargets(1);
    expectStatus(await ctx.api("GET", `${role}/targets/groups?after=00gNotACursor`), 400);
  });

  it("neither skips nor repeats when the item under the cursor is removed between pages", async () => {
    const { role, groups } = await roleWithGroupTargets(3);
    const first = expectStatus(await ctx.api("GET", `${role}/targets/groups?limit=1`), 200);
    expectStatus(await ctx.api("DELETE", `${role}/targets/groups/${groups[0]}`), 204);
    const next = parseLinks(first.headers.get("link")).next ?? "";
    const second = expectStatus(await ctx.api("GET", next.slice(ctx.emulator.url.length)), 200);
    expect(second.body.map((g: { id: string }) => g.id)).toEqual([groups[1]]);
  });

  it("pages app target lists the same way", async () => {
    const user = `/api/v1/users/${await createUser(ctx.api)}`;
    const role = `${user}/roles/${await assignRole(ctx.api, user, "APP_ADMIN")}`;
    for (const app of ["slack", "box", "github"]) expectStatus(await ctx.api("PUT", `${role}/targets/catalog/apps/${app}`), 204);
    const first = expectStatus(await ctx.api("GET", `${role}/targets/catalog/apps?limit=2`), 200);
    expect(first.body.map((a: { name: string }) => a.name)).toEqual(["github", "box"]);
    const next = parseLinks(first.headers.get("link")).next ?? "";
    const second = expectStatus(await ctx.api("GET", next.slice(ctx.emulator.url.length)), 200);
    expect(second.body.map((a: { name: string }) => a.name)).toEqual(["slack"]);
  });
});
