// Proves an aborted client sends nothing more: not a first attempt, not a retry waiting out its backoff.
import { useFakeServer } from "./helpers/fake-okta-server";
import { makeClient } from "./helpers/make-client";

const PATH = "/api/v1/users/00u1/roles/IFIFAX2BIRGUSTQ/targets/groups";
const server = useFakeServer();

describe("signal", () => {
  it("rejects with the abort reason and sends nothing once the signal is aborted", async () => {
    server.handle(() => ({ status: 200, body: [] }));
    const stop = new AbortController();
    const { client } = makeClient(server.url, { signal: stop.signal });
    await client.listAll(PATH);
    expect(server.requests).toHaveLength(1);
    const reason = new Error("engine gone");
    stop.abort(reason);
    await expect(client.listAll(PATH)).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("drops a retry whose backoff wait ends after the abort", async () => {
    server.handle(() => ({ status: 503, body: "" }));
    const stop = new AbortController();
    const reason = new Error("engine gone");
    // The abort lands while the client waits to retry the 503.
    const { client } = makeClient(server.url, {
      signal: stop.signal,
      sleep: async () => stop.abort(reason),
    });
    await expect(client.listAll(PATH)).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("is never aborted when no signal is given", async () => {
    server.handle(() => ({ status: 200, body: [] }));
    const { client } = makeClient(server.url);
    await expect(client.listAll(PATH)).resolves.toEqual([]);
  });
});
