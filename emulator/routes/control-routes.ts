// Test controls under /__emulator/: reset, seed, faults, request log and state dump (no auth).
import { presentState } from "../present/present-state";
import { SeedError } from "../seed/seed-types";
import { readFaultSettings } from "./fault-settings";
import { json, noContent, type HttpMethod, type Route, type RouteResult } from "./route";

/** The prefix of every control route; never under /api or /oauth2. */
export const CONTROL_PREFIX = "/__emulator";

/** The /__emulator/* routes. */
export function controlRoutes(): Route[] {
  const route = (method: HttpMethod, path: string, handler: Route["handler"]): Route => ({
    method,
    path: `${CONTROL_PREFIX}${path}`,
    family: "control",
    access: "control",
    handler,
  });
  return [
    route("POST", "/reset", (ctx) => {
      ctx.runtime.reset();
      return noContent();
    }),
    route("POST", "/seed", (ctx) => {
      try {
        ctx.runtime.loadSeed(ctx.body);
      } catch (error) {
        if (error instanceof SeedError) return badRequest(`invalid seed: ${error.message}`);
        throw error;
      }
      return noContent();
    }),
    route("POST", "/faults", (ctx) => {
      const settings = readFaultSettings(ctx.body);
      if (typeof settings === "string") return badRequest(`invalid fault settings: ${settings}`);
      ctx.runtime.faults.configure(settings);
      return noContent();
    }),
    route("DELETE", "/faults", (ctx) => {
      ctx.runtime.faults.configure(undefined);
      return noContent();
    }),
    route("GET", "/requests", (ctx) => {
      const since = ctx.query.since ?? "0";
      if (!/^[0-9]+$/.test(since)) return badRequest("since must be a non-negative integer index");
      return json(200, ctx.runtime.log.list(Number(since)));
    }),
    route("DELETE", "/requests", (ctx) => {
      ctx.runtime.log.clear();
      return noContent();
    }),
    route("GET", "/state", (ctx) => json(200, presentState(ctx.state))),
  ];
}

function badRequest(message: string): RouteResult {
  return json(400, { error: "bad_request", message });
}
