// A tiny HTTP proxy on 127.0.0.1 for tests: forwards absolute-URI requests, tunnels CONNECT, and records both.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "http";
import { connect, type AddressInfo, type Socket } from "net";

/** What the proxy saw. */
export interface ProxyRecord {
  /** `GET http://127.0.0.1:1234/api/v1/...` for forwarded requests, `CONNECT host:port` for tunnels. */
  line: string;
  /** The Proxy-Authorization header, if any. */
  proxyAuthorization?: string;
}

/** A running proxy. */
export interface CountingProxy {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Every request and tunnel, in arrival order. */
  seen: ProxyRecord[];
  /** Where CONNECT tunnels go instead of their named target (to reach a local TLS server). */
  tunnelTo?: { host: string; port: number };
  close(): Promise<void>;
}

/**
 * Starts the proxy. When `requiredAuth` is set, requests without that exact
 * `Proxy-Authorization` get 407, as a real authenticating proxy answers.
 */
export async function startCountingProxy(requiredAuth?: string): Promise<CountingProxy> {
  const sockets = new Set<Socket>();
  const seen: ProxyRecord[] = [];
  const state: { tunnelTo?: { host: string; port: number } } = {};
  const refused = (req: IncomingMessage): boolean => requiredAuth !== undefined && req.headers["proxy-authorization"] !== requiredAuth;
  const server: Server = createServer((req, res) => {
    seen.push({ line: `${req.method} ${req.url}`, proxyAuthorization: req.headers["proxy-authorization"] });
    if (refused(req)) {
      res.writeHead(407, { "Proxy-Authenticate": "Basic" }).end();
      return;
    }
    const target = new URL(req.url ?? "");
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: target.pathname + target.search, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push({ line: `CONNECT ${req.url}`, proxyAuthorization: req.headers["proxy-authorization"] });
    if (refused(req)) {
      client.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const to = state.tunnelTo ?? { host, port: Number(port) };
    const upstream = connect(to.port, to.host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get tunnelTo() {
      return state.tunnelTo;
    },
    set tunnelTo(value) {
      state.tunnelTo = value;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
