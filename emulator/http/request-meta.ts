// Per-request protocol facts shared between the server's hooks (id, family, rate status, log entry).
import type { FastifyRequest } from "fastify";
import type { RateLimitStatus } from "./rate-limiter";
import type { RequestLogEntry } from "./request-log";

/** What the hooks learn about a request as it passes through. */
export interface RequestMeta {
  readonly requestId: string;
  readonly family: string;
  /** True for /__emulator routes: no rate limit, faults or log. */
  readonly control: boolean;
  rate?: RateLimitStatus;
  logEntry?: RequestLogEntry;
}

const metas = new WeakMap<FastifyRequest, RequestMeta>();

/** Attaches meta to a request. */
export function setMeta(request: FastifyRequest, meta: RequestMeta): void {
  metas.set(request, meta);
}

/** The request's meta, if the onRequest hook ran. */
export function getMeta(request: FastifyRequest): RequestMeta | undefined {
  return metas.get(request);
}
