// Proves paging asks limit=200, follows rel="next" to the end, and never leaves the org.
import { OktaApiError } from "../../../sdk/errors";
import { useFakeServer } from "./helpers/fake-okta-server";
import { API_TOKEN, makeClient } from "./helpers/make-client";

const TARGETS = "/api/v1/users/00u1/roles/IFIFAX2BIRGUSTQ/targets/groups";

const server = useFakeServer();
const elsewhere = useFakeServer();
beforeEach(() => elsewhere.handle(() => ({ status: 200, body: [{ id: "stolen" }] })));

function pagedHandler(pages: unknown[][], nextUrl: (i: number) => string) {
  return (_req: unknown, i: number) => {
    const link = [`<${server.url}${TARGETS}?limit=200>; rel="self"`];
    if (i + 1 < pages.length) link.push(`<${nextUrl(i + 1)}>; rel="next"`);
    return { status: 200, headers: { Link: link.join(", ") }, body: pages[i] };
  };
}

describe("paging", () => {
  it("asks for limit=200 and follows next links until there is none", async () => {
    server.handle(pagedHandler([[{ id: "00g1" }], [{ id: "00g2" }], [{ id: "00g3" }]], (i) => `${server.url}${TARGETS}?after=c${i}&limit=200`));
    const { client } = makeClient(server.url);
    const pages: unknown[][] = [];
    for await (const page of client.pages(TARGETS)) pages.push(page);
    expect(pages).toEqual([[{ id: "00g1" }], [{ id: "00g2" }], [{ id: "00g3" }]]);
    expect(server.requests.map((r) => r.url)).toEqual([
      `${TARGETS}?limit=200`,
      `${TARGETS}?after=c1&limit=200`,
      `${TARGETS}?after=c2&limit=200`,
    ]);
  });

  it("listAll and listGroupTargets gather every page", async () => {
    server.handle(pagedHandler([[{ id: "00g1" }, { id: "00g2" }], [{ id: "00g3" }]], (i) => `${TARGETS}?after=c${i}&limit=200`));
    const { client } = makeClient(server.url);
    const targets = await client.listGroupTargets({ kind: "user", id: "00u1" }, "IFIFAX2BIRGUSTQ");
    expect(targets.map((t) => t.id)).toEqual(["00g1", "00g2", "00g3"]);
    expect(server.requests).toHaveLength(2);
  });

  it("passes extra query parameters but always asks limit=200", async () => {
    server.handle(() => ({ status: 200, body: [] }));
    const { client } = makeClient(server.url);
    await client.listAll(TARGETS, { q: "a b", limit: 5, skip: undefined });
    expect(server.requests[0].url).toBe(`${TARGETS}?q=a+b&limit=200`);
  });

  it("refuses a next link on another origin and never sends the token there", async () => {
    server.handle(pagedHandler([[{ id: "00g1" }], [{ id: "00g2" }]], () => `${elsewhere.url}${TARGETS}?after=x`));
    const { client } = makeClient(server.url);
    const error = await client.listAll(TARGETS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect((error as OktaApiError).errorCode).toBe("OFF_ORIGIN_LINK");
    expect((error as OktaApiError).message).toContain(elsewhere.url);
    expect(elsewhere.requests).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe(`SSWS ${API_TOKEN}`);
  });

  it("refuses a protocol-relative next link to another host", async () => {
    server.handle(pagedHandler([[], []], () => `//evil.example${TARGETS}`));
    const { client } = makeClient(server.url);
    await expect(client.listAll(TARGETS)).rejects.toMatchObject({ errorCode: "OFF_ORIGIN_LINK", status: 0 });
  });

  it("refuses a path that is really an absolute URL elsewhere", async () => {
    const { client } = makeClient(server.url);
    await expect(client.listAll(`${elsewhere.url}/api/v1/users`)).rejects.toMatchObject({ errorCode: "OFF_ORIGIN_LINK" });
    expect(elsewhere.requests).toEqual([]);
  });

  it("stops with an error when a next link repeats a page instead of looping forever", async () => {
    server.handle(pagedHandler([[], [], [], []], () => `${TARGETS}?after=same&limit=200`));
    const { client } = makeClient(server.url);
    await expect(client.listAll(TARGETS)).rejects.toMatchObject({ errorCode: "UNEXPECTED_RESPONSE" });
    expect(server.requests).toHaveLength(2);
  });

  it("rejects a page that is not a JSON array", async () => {
    server.handle(() => ({ status: 200, body: "<html>sign in</html>" }));
    const { client } = makeClient(server.url);
    await expect(client.listAll(TARGETS)).rejects.toThrow(/unexpected response.*not a JSON array/);
  });

  it("lists role assignments without a limit parameter, which that endpoint does not take", async () => {
    server.handle(() => ({ status: 200, body: [{ id: "IFIFAX2BIRGUSTQ", type: "APP_ADMIN" }] }));
    const { client } = makeClient(server.url);
    await client.listRoleAssignments({ kind: "user", id: "00u1" });
    expect(server.requests[0].url).toBe("/api/v1/users/00u1/roles");
  });
});
