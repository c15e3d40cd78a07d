// Proves paging is bounded: a page cap per listing, a page-size cap, and malformed pages all end in an OktaApiError naming the path.
import { OktaApiError } from "../../../sdk/errors";
import type { HttpResponse } from "../../../sdk/http/http-transport";
import { MAX_PAGE_ITEMS, MAX_PAGES, paginate } from "../../../sdk/http/paginate";
import { useFakeServer } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const ORG = "https://dev-123.okta.com";
const TARGETS = "/api/v1/users/00u1/roles/IFIFAX2BIRGUSTQ/targets/groups";
const ROLES = "/api/v1/users/00u1/roles";

const server = useFakeServer();

/** A fetchPage whose every page links to a new, never-seen cursor, counting the pages it served. */
function endlessChain(): { fetchPage: (url: string) => Promise<HttpResponse>; fetched: () => number } {
  let count = 0;
  const fetchPage = async (url: string): Promise<HttpResponse> => {
    count += 1;
    const next = new URL(url);
    next.searchParams.set("after", `c${count}`);
    return { status: 200, headers: { link: `<${next.toString()}>; rel="next"` }, body: JSON.stringify([{ id: `00g${count}` }]) };
  };
  return { fetchPage, fetched: () => count };
}

async function drain(pages: AsyncIterable<unknown[]>): Promise<{ pages: number; error: unknown }> {
  let count = 0;
  try {
    for await (const page of pages) {
      expect(Array.isArray(page)).toBe(true);
      count += 1;
    }
  } catch (error) {
    return { pages: count, error };
  }
  return { pages: count, error: undefined };
}

function expectUnexpected(error: unknown, path: string, why: RegExp): void {
  expect(error).toBeInstanceOf(OktaApiError);
  const e = error as OktaApiError;
  expect(e.errorCode).toBe("UNEXPECTED_RESPONSE");
  expect(e.path).toBe(path);
  expect(e.message).toContain(`GET ${path}`);
  expect(e.message).toMatch(why);
}

/** An endless chain of distinct next links on the fake server, `size` items a page. */
function serveEndless(path: string, size: number): void {
  server.handle((_req, i) => ({
    status: 200,
    headers: { Link: `<${server.url}${path}?after=c${i + 1}&limit=200>; rel="next"` },
    body: Array.from({ length: size }, (_, n) => ({ id: `00g${i}x${n}` })),
  }));
}

describe("paging bounds", () => {
  it("stops an endless chain of distinct next links after exactly maxPages pages, naming the path", async () => {
    const chain = endlessChain();
    const result = await drain(paginate(ORG, `${ORG}${TARGETS}?limit=200`, chain.fetchPage, { maxPages: 25 }));
    expect(chain.fetched()).toBe(25);
    expect(result.pages).toBe(25);
    expectUnexpected(result.error, TARGETS, /after 25 pages.*Link headers.*maxPages/);
  });

  it("stops an endless chain at the documented default of MAX_PAGES pages when no cap is given", async () => {
    const chain = endlessChain();
    const result = await drain(paginate(ORG, `${ORG}${TARGETS}`, chain.fetchPage));
    expect(MAX_PAGES).toBe(10_000);
    expect(chain.fetched()).toBe(MAX_PAGES);
    expectUnexpected(result.error, TARGETS, /after 10,000 pages/);
  });

  it("accepts a listing of exactly maxPages pages whose last page has no next link", async () => {
    let count = 0;
    const fetchPage = async (url: string): Promise<HttpResponse> => {
      count += 1;
      const next = new URL(url);
      next.searchParams.set("after", `c${count}`);
      const link = count < 3 ? `<${next.toString()}>; rel="next"` : "";
      return { status: 200, headers: link ? { link } : {}, body: "[]" };
    };
    const result = await drain(paginate(ORG, `${ORG}${TARGETS}`, fetchPage, { maxPages: 3 }));
    expect(result).toEqual({ pages: 3, error: undefined });
  });

  it("refuses a next link that repeats an earlier cursor after the second page", async () => {
    let count = 0;
    const fetchPage = async (): Promise<HttpResponse> => {
      count += 1;
      return { status: 200, headers: { link: `<${ORG}${TARGETS}?after=same>; rel="next"` }, body: "[]" };
    };
    const result = await drain(paginate(ORG, `${ORG}${TARGETS}`, fetchPage));
    expect(count).toBe(2);
    expectUnexpected(result.error, TARGETS, /repeats an earlier page/);
  });

  it("the client's maxPages option caps listAll over HTTP, counting requests", async () => {
    serveEndless(TARGETS, 1);
    const { client } = makeClient(server.url, { maxPages: 7 });
    const error = await client.listAll(TARGETS).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(7);
    expectUnexpected(error, TARGETS, /after 7 pages/);
  });

  it("the client's maxPages option also caps role-assignment listings", async () => {
    serveEndless(ROLES, 1);
    const { client } = makeClient(server.url, { maxPages: 4 });
    const error = await client.listRoleAssignments({ kind: "user", id: "00u1" }).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(4);
    expectUnexpected(error, ROLES, /after 4 pages/);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses maxPages %p when the client is built", (maxPages) => {
    expect(() => makeClient(server.url, { maxPages })).toThrow(RangeError);
  });

  it("rejects a 200,000-item page with an OktaApiError naming the path, not a RangeError", async () => {
    const huge = JSON.stringify(Array.from({ length: 200_000 }, (_, n) => ({ id: `00g${n}` })));
    server.handle(() => ({ status: 200, body: huge }));
    const { client } = makeClient(server.url);
    const targets = await client.listGroupTargets({ kind: "user", id: "00u1" }, "IFIFAX2BIRGUSTQ").catch((e: unknown) => e);
    expectUnexpected(targets, TARGETS, /200,000 items, more than the 10,000 any Okta page holds/);
    const roles = await client.listRoleAssignments({ kind: "user", id: "00u1" }).catch((e: unknown) => e);
    expectUnexpected(roles, ROLES, /200,000 items/);
  });

  it("collects full pages of MAX_PAGE_ITEMS items each, in order", async () => {
    server.handle((_req, i) => ({
      status: 200,
      headers: i < 2 ? { Link: `<${server.url}${TARGETS}?after=c${i + 1}&limit=200>; rel="next"` } : ({} as Record<string, string>),
      body: Array.from({ length: MAX_PAGE_ITEMS }, (_, n) => ({ id: `00g${i}x${n}` })),
    }));
    const { client } = makeClient(server.url);
    const items = await client.listAll<{ id: string }>(TARGETS);
    expect(server.requests).toHaveLength(3);
    expect(items).toHaveLength(3 * MAX_PAGE_ITEMS);
    expect(items[0].id).toBe("00g0x0");
    expect(items[MAX_PAGE_ITEMS].id).toBe("00g1x0");
    expect(items[items.length - 1].id).toBe(`00g2x${MAX_PAGE_ITEMS - 1}`);
  });

  it.each([
    ["a JSON object", { errorCode: "E0000001" }, /not a JSON array \(it is an object\)/],
    ["JSON null", null, /not a JSON array \(it is null\)/],
    ["HTML", "<html>sign in</html>", /not a JSON array \(it is not JSON at all\)/],
    ["an array holding a string", [{ id: "00g1" }, "00g2"], /item 1 of the page is a string, not an object/],
    ["an array holding null", [null], /item 0 of the page is null, not an object/],
    ["an array holding an array", [[{ id: "00g1" }]], /item 0 of the page is an array, not an object/],
  ])("rejects a page that is %s with an OktaApiError naming the path and what to check", async (_label, body, why) => {
    server.handle(() => ({ status: 200, body: typeof body === "string" ? body : JSON.stringify(body) }));
    const { client } = makeClient(server.url);
    const error = await client.listAll(TARGETS).catch((e: unknown) => e);
    expectUnexpected(error, TARGETS, why);
    expect((error as OktaApiError).message).toMatch(/points at an Okta org and not at a proxy or sign-in page/);
  });
});
