// Public entry of the local Okta emulator: start it, seed it, and the types tests need.
export { startEmulator, type RunningEmulator, type FaultSettings } from "./start-emulator";
export { DEFAULT_API_TOKEN, DEFAULT_RATE_LIMIT, type EmulatorOptions } from "./options";
export { DEMO_ORG_SEED_PATH, loadSeed } from "./seed/load-seed";
export { SeedError, type EmulatorSeed, type SeedApp, type SeedAppTarget, type SeedGroup, type SeedRoleAssignment, type SeedUser } from "./seed/seed-types";
export { FAULT_KINDS, type FaultKind } from "./http/fault-injector";
export { FastifyMissingError, FASTIFY_MISSING_MESSAGE } from "./http/load-fastify";
export type { RequestLogEntry } from "./http/request-log";
export type { StateDump, DumpedRoleAssignment } from "./present/present-state";
export type { EmulatorRuntime } from "./emulator-runtime";
