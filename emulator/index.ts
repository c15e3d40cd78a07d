// Public entry of the local Okta emulator: start it, seed it, and the types tests need.
/**
 * A local Okta org for tests and demos: `startEmulator`, seeds, fault injection and the request log.
 * It needs fastify 5, an optional peer dependency: `npm install --save-dev fastify@5`.
 *
 * @packageDocumentation
 * @module pulumi-okta-role-targets/emulator
 */
export { startEmulator, type RunningEmulator, type FaultSettings } from "./start-emulator";
export { DEFAULT_API_TOKEN, DEFAULT_RATE_LIMIT, type EmulatorOptions } from "./options";
export { DEMO_ORG_SEED_PATH, loadSeed } from "./seed/load-seed";
export { generateOrgSeed, generatedId, type GenerateOrgOptions } from "./seed/generate-org";
export { SeedError, type EmulatorSeed, type SeedApp, type SeedAppTarget, type SeedGroup, type SeedRoleAssignment, type SeedUser } from "./seed/seed-types";
export { FAULT_KINDS, type FaultConfig, type FaultKind } from "./http/fault-injector";
export { FastifyMissingError, FASTIFY_MISSING_MESSAGE } from "./http/load-fastify";
export type { RequestLogEntry } from "./http/request-log";
export type { StateDump, DumpedRoleAssignment } from "./present/present-state";
export type { PrincipalKind, PrincipalRef } from "./domain/records";
export type { EmulatorRuntime } from "./emulator-runtime";
