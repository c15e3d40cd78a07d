// Axios settings that send every request through okta:httpProxy: forward proxy for http, CONNECT tunnel for https.
import type { CreateAxiosDefaults } from "axios";
import { HttpsProxyAgent } from "hpagent";

/**
 * The axios defaults for reaching `orgUrl` through `proxyUrl`; `{}` without a proxy (axios then
 * keeps honouring the usual proxy environment variables).
 *
 * - An `https:` org goes through an HTTP CONNECT tunnel (hpagent's `HttpsProxyAgent`), so the
 *   proxy sees only the host and port, never the request; axios' own proxy option is turned
 *   off because it does not tunnel.
 * - An `http:` org (the local emulator) is sent to the proxy as a plain forward-proxy request
 *   with the absolute URL, which is how http proxies expect plain http.
 *
 * User name and password in the proxy URL become `Proxy-Authorization: Basic …`; they are
 * never logged, and transport errors never carry the proxy URL.
 */
export function proxyAxiosConfig(orgUrl: string, proxyUrl: string | undefined): CreateAxiosDefaults {
  if (!proxyUrl) return {};
  const proxy = new URL(proxyUrl);
  if (new URL(orgUrl).protocol === "https:") {
    return { proxy: false, httpsAgent: new HttpsProxyAgent({ proxy, keepAlive: true }) };
  }
  const auth = proxy.username || proxy.password
    ? { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) }
    : undefined;
  return {
    proxy: {
      protocol: proxy.protocol.replace(/:$/, ""),
      host: proxy.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: Number(proxy.port || (proxy.protocol === "https:" ? 443 : 80)),
      ...(auth ? { auth } : {}),
    },
  };
}
