// Fastify hooks that add Okta's protocol on every response: request id, Date, rate limits, faults, log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { newRequestId } from "../domain/ids";
import { httpDate } from "../domain/time";
import type { EmulatorRuntime } from "../emulator-runtime";
import type { FaultKind } from "./fault-injector";
import { concurrentRoleChange, internalError, rateLimited, serviceUnavailable } from "./okta-error";
import { getMeta, setMeta, type RequestMeta } from "./request-meta";

/** Route config the server attaches to each fastify route. */
export interface RouteConfig {
  readonly family: string;
  readonly control: boolean;
  /** Whether fault injection applies (API routes, not the token endpoint or controls). */
  readonly faultable: boolean;
}

/** Delays that `slow` faults are waiting on; close() cuts them short. */
export type PendingSleeps = Set<() => void>;

/** Installs the protocol hooks on `app`. */
export function installProtocolHooks(app: FastifyInstance, runtime: EmulatorRuntime, sleeps: PendingSleeps): void {
  app.addHook("onRequest", async (request, reply) => {
    const config = (request.routeOptions.config ?? {}) as Partial<RouteConfig>;
    const meta: RequestMeta = { requestId: newRequestId(), family: config.family ?? "other", control: config.control === true };
    setMeta(request, meta);
    if (meta.control) return;
    const now = runtime.now();
    const url = new URL(request.url, "http://emulator");
    meta.logEntry = runtime.log.start({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      time: new Date(now).toISOString(),
      requestId: meta.requestId,
      family: meta.family,
      ...optionalHeader("retryFor", request.headers["x-okta-retry-for"]),
      ...optionalHeader("retryCount", request.headers["x-okta-retry-count"]),
    });
    const fault = config.faultable ? runtime.faults.draw() : undefined;
    if (fault) {
      meta.logEntry.fault = fault;
      const proceed = injectFault(fault, request, reply, runtime, meta);
      if (!proceed) return;
    }
    meta.rate = runtime.limiter.take(meta.family, runtime.now());
    if (!meta.rate.allowed) throw rateLimited();
  });

  // `slow` waits after the body is read, so the request still takes effect if the client gives up.
  app.addHook("preHandler", async (request) => {
    const meta = getMeta(request);
    if (meta?.logEntry?.fault === "slow") await sleep(runtime.faults.current()?.slowMs ?? 0, sleeps);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const meta = getMeta(request);
    const now = runtime.now();
    reply.header("date", httpDate(now));
    if (!meta) return payload;
    reply.header("x-okta-request-id", meta.requestId);
    if (meta.control) return payload;
    const rate = meta.rate ?? runtime.limiter.peek(meta.family, now);
    reply.header("x-rate-limit-limit", String(rate.limit));
    reply.header("x-rate-limit-remaining", String(rate.remaining));
    reply.header("x-rate-limit-reset", String(rate.reset));
    // Logged when sent rather than on completion: a client that gave up never completes it.
    if (meta.logEntry && meta.logEntry.status === null) runtime.log.finish(meta.logEntry, reply.statusCode);
    return payload;
  });
}

// Returns true when the request should go on to its handler (only `slow` does, after a delay).
function injectFault(fault: FaultKind, request: FastifyRequest, reply: FastifyReply, runtime: EmulatorRuntime, meta: RequestMeta): boolean {
  const now = runtime.now();
  meta.rate = runtime.limiter.peek(meta.family, now);
  switch (fault) {
    case "429":
      // A near reset, so well-behaved clients retry after about a second.
      meta.rate = { limit: meta.rate.limit, remaining: 0, reset: Math.floor(now / 1000) + 1, allowed: false };
      throw rateLimited();
    case "500":
      throw internalError();
    case "503":
      throw serviceUnavailable();
    case "409":
      throw concurrentRoleChange();
    case "reset":
      if (meta.logEntry) runtime.log.finish(meta.logEntry, 0);
      reply.hijack();
      request.raw.socket.destroy();
      return false;
    case "slow":
      meta.rate = undefined;
      return true;
  }
}

function sleep(ms: number, sleeps: PendingSleeps): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      sleeps.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    sleeps.add(done);
  });
}

function optionalHeader<K extends string>(key: K, value: string | string[] | undefined): Partial<Record<K, string>> {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? {} : ({ [key]: text } as Record<K, string>);
}
