// A loopback HTTP proxy in front of the emulator that records every exchange whole
// (headers and bodies), so a test can find the credentials the client sent and the
// access tokens the token endpoint issued, and then look for them everywhere else.
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One exchange as it passed through. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: http.IncomingHttpHeaders;
  requestBody: string;
  status: number;
  responseBody: string;
}

/** A running proxy. */
export interface RecordingProxy {
  /** Use this as the org URL. */
  readonly url: string;
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards to `target` (keeping the Host header, so URLs stay the proxy's). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const requestBody = Buffer.concat(chunks).toString();
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          const body: Buffer[] = [];
          up.on("data", (c: Buffer) => body.push(c));
          up.on("end", () => {
            const responseBody = Buffer.concat(body).toString();
            exchanges.push({ method: req.method ?? "", url: req.url ?? "", requestHeaders: req.headers, requestBody, status: up.statusCode ?? 0, responseBody });
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(responseBody);
          });
        },
      );
      forward.on("error", () => res.destroy());
      forward.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Access tokens the token endpoint issued, and client assertions clients sent to it. */
export function issuedCredentials(exchanges: readonly Exchange[]): { accessTokens: string[]; clientAssertions: string[] } {
  const token = exchanges.filter((e) => e.url.startsWith("/oauth2/v1/token"));
  return {
    accessTokens: token.flatMap((e) => {
      try {
        const t = (JSON.parse(e.responseBody) as { access_token?: string }).access_token;
        return t ? [t] : [];
      } catch {
        return [];
      }
    }),
    clientAssertions: token.flatMap((e) => {
      const a = new URLSearchParams(e.requestBody).get("client_assertion");
      return a ? [a] : [];
    }),
  };
}
