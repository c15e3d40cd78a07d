// Wires the route table into fastify: body parsers, protocol hooks, auth, and Okta-shaped errors.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { EmulatorRuntime } from "../emulator-runtime";
import { OAuthError } from "../oauth/oauth-error";
import { routeTable } from "../routes/route-table";
import type { HttpMethod, Route } from "../routes/route";
import { authenticate } from "./authenticate";
import { internalError, malformedBody, notFound, OktaError } from "./okta-error";
import type { FastifyFactory } from "./load-fastify";
import { installProtocolHooks, type PendingSleeps, type RouteConfig } from "./protocol-hooks";

/**
 * A fastify app serving the emulator, not yet listening; `fastify` comes from loadFastify, so only starting a server loads it.
 * `sleeps` holds the delays `slow` faults are waiting on, so the caller can cut them short.
 */
export function buildServer(runtime: EmulatorRuntime, fastify: FastifyFactory, sleeps: PendingSleeps = new Set()): FastifyInstance {
  const app = fastify({
    logger: runtime.options.logger ? { level: "info", stream: process.stderr } : false,
    forceCloseConnections: true,
  });
  installBodyParsers(app);
  app.addHook("onClose", async () => {
    for (const wake of [...sleeps]) wake();
  });
  installProtocolHooks(app, runtime, sleeps);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply, runtime));
  app.setNotFoundHandler((request, reply) => {
    sendError(notFound(new URL(request.url, "http://emulator").pathname, "Resource"), request, reply, runtime);
  });
  for (const route of routeTable()) {
    const config: RouteConfig = {
      family: route.family,
      control: route.access === "control",
      faultable: route.path.startsWith("/api/") || route.path.startsWith("/oauth2/v1/clients"),
    };
    const handler = (request: FastifyRequest, reply: FastifyReply): Promise<void> => serve(route, request, reply, runtime);
    app.route({ method: route.method, url: toFastifyPath(route.path), config, handler });
  }
  return app;
}

async function serve(route: Route, request: FastifyRequest, reply: FastifyReply, runtime: EmulatorRuntime): Promise<void> {
  const orgUrl = `http://${request.headers.host ?? "127.0.0.1"}`;
  const url = new URL(request.url, orgUrl);
  const headers = headerStrings(request);
  if (typeof route.access === "object") {
    const credentials = { authorization: headers.authorization, dpop: headers.dpop };
    await authenticate(runtime, { method: route.method, orgUrl, path: url.pathname, ...credentials }, route.access.scope);
  }
  const result = await route.handler({
    runtime,
    state: runtime.state,
    params: request.params as Record<string, string>,
    query: Object.fromEntries(url.searchParams),
    body: request.body,
    headers,
    orgUrl,
    path: url.pathname,
    method: route.method as HttpMethod,
    now: runtime.now(),
  });
  reply.code(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
  if (result.body === undefined) return void reply.send();
  reply.type("application/json").send(JSON.stringify(result.body));
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, runtime: EmulatorRuntime): void {
  if (error instanceof OAuthError) {
    reply.code(error.status).headers(error.headers).type("application/json").send(JSON.stringify(error.toBody()));
    return;
  }
  const code = (error as { code?: unknown }).code;
  let okta: OktaError;
  if (error instanceof OktaError) okta = error;
  else if (typeof code === "string" && code.startsWith("FST_ERR_CTP")) okta = malformedBody();
  else {
    if (runtime.options.logger) request.log.error({ err: error }, "unexpected error");
    okta = internalError();
  }
  reply.code(okta.status).headers(okta.headers).type("application/json").send(JSON.stringify(okta.toBody()));
}

function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = String(body);
    // Okta's SDKs send PUTs with a JSON content type and no body.
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text, (key: string, value: unknown) => (key === "__proto__" ? undefined : value)));
    } catch {
      done(malformedBody(), undefined);
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body === "" ? undefined : body));
}

function headerStrings(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) out[name] = Array.isArray(value) ? value[0] : value;
  return out;
}

function toFastifyPath(oktaPath: string): string {
  return oktaPath.replace(/\{([A-Za-z]+)\}/g, ":$1");
}
