// A scripted HTTP server on 127.0.0.1 that records each request, so the real axios path runs in tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server saw it (raw path, lower-case headers). */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What a handler returns: a response to send, or "reset"/"hang" to misbehave. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | "reset"
  | "hang";

/** Scripts replies; receives the request and how many requests came before it. */
export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

/** A running fake server. */
export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral loopback port. */
export async function startFakeServer(handler: Handler = () => ({ status: 200, body: [] })): Promise<FakeServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const hung: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)])),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      const index = requests.length;
      requests.push(recorded);
      const reply = await current(recorded, index);
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      if (reply === "hang") {
        hung.push(res);
        return;
      }
      const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An Okta error body. */
export function oktaError(errorCode: string, errorSummary: string): Record<string, unknown> {
  return { errorCode, errorSummary, errorLink: errorCode, errorId: "oaeAbCdEfGhIjKlMnOpQrStUv", errorCauses: [] };
}

/**
 * Starts one fake server for the enclosing test file (or describe block), clears its request
 * log before each test, and closes it afterwards. The returned object delegates to it.
 */
export function useFakeServer(): FakeServer {
  let started: FakeServer | undefined;
  beforeAll(async () => {
    started = await startFakeServer();
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    if (started) started.requests.length = 0;
  });
  const get = (): FakeServer => {
    if (!started) throw new Error("the fake server starts in beforeAll");
    return started;
  };
  return {
    get url() {
      return get().url;
    },
    get requests() {
      return get().requests;
    },
    handle: (handler) => get().handle(handler),
    close: () => get().close(),
  };
}
