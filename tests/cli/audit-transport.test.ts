// The audit's transport: it refuses writes before they are sent, reads single objects and body-paged lists through the sdk's pages(), and counts requests.
import { auditTransport } from "../../cli/audit-transport";
import type { HttpRequest, HttpResponse } from "../../sdk";

const ORG = "https://dev-1.okta.com";

function recording(answer: (request: HttpRequest) => HttpResponse): { sent: HttpRequest[]; inner: (request: HttpRequest) => Promise<HttpResponse> } {
  const sent: HttpRequest[] = [];
  return { sent, inner: async (request) => (sent.push(request), answer(request)) };
}

const request = (method: string, path: string): HttpRequest => ({ method, url: ORG + path, headers: {}, timeoutMs: 1000 });

describe("auditTransport", () => {
  it.each(["PUT", "POST", "DELETE", "PATCH"])("refuses %s on an API path without sending it", async (method) => {
    const { sent, inner } = recording(() => ({ status: 204, headers: {}, body: "" }));
    await expect(auditTransport({ inner })(request(method, "/api/v1/users/00u1/roles/X/targets/groups/00g1"))).rejects.toMatchObject({ errorCode: "READ_ONLY", status: 0 });
    expect(sent).toEqual([]);
  });

  it("lets the OAuth token request through", async () => {
    const { sent, inner } = recording(() => ({ status: 200, headers: {}, body: "{}" }));
    await auditTransport({ inner })(request("POST", "/oauth2/v1/token"));
    expect(sent.map((r) => r.method)).toEqual(["POST"]);
  });

  it("turns the assignee list's body paging into an array and a Link header", async () => {
    const body = { value: [{ id: "00u1" }, { id: "00u2" }], _links: { next: { href: `${ORG}/api/v1/iam/assignees/users?after=c2&limit=200` } } };
    const { inner } = recording(() => ({ status: 200, headers: {}, body: JSON.stringify(body) }));
    const response = await auditTransport({ inner })(request("GET", "/api/v1/iam/assignees/users?limit=200"));
    expect(JSON.parse(response.body)).toEqual(body.value);
    expect(response.headers.link).toBe(`<${ORG}/api/v1/iam/assignees/users?after=c2&limit=200>; rel="next"`);
  });

  it("reads a single user as a one-item page, without the list's limit parameter, and counts each request", async () => {
    const { sent, inner } = recording(() => ({ status: 200, headers: {}, body: '{"id":"00u1"}' }));
    let count = 0;
    const response = await auditTransport({ inner, onRequest: () => (count += 1) })(request("GET", "/api/v1/users/00u1?limit=200"));
    expect(JSON.parse(response.body)).toEqual([{ id: "00u1" }]);
    expect(sent[0]?.url).toBe(`${ORG}/api/v1/users/00u1`);
    expect(count).toBe(1);
  });

  it("passes error answers through untouched, so the sdk reports Okta's error", async () => {
    const error = { status: 404, headers: {}, body: '{"errorCode":"E0000007"}' };
    const { inner } = recording(() => error);
    expect(await auditTransport({ inner })(request("GET", "/api/v1/users/00u1"))).toEqual(error);
  });
});
