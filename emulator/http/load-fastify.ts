// Loads fastify on first use, so importing this package never needs it, and says how to install it when it is missing.
import type { fastify } from "fastify";

/** The fastify factory the emulator builds its server with. */
export type FastifyFactory = typeof fastify;

/** The fastify major version the emulator is written for. */
export const FASTIFY_MAJOR = 5;

/** What to run when fastify is missing; the CLI and startEmulator both show it. */
export const FASTIFY_MISSING_MESSAGE =
  `The emulator needs fastify ${FASTIFY_MAJOR}: npm install --save-dev fastify@${FASTIFY_MAJOR} ` +
  `(it is an optional peer dependency, so installing pulumi-okta-role-targets alone does not add it). ` +
  `For the command line without installing anything: ` +
  `npx -p pulumi-okta-role-targets -p fastify@${FASTIFY_MAJOR} pulumi-okta-role-targets-emulator --port 0`;

/** How a module is loaded; tests pass their own. */
export type ModuleLoader = (id: string) => unknown;

/** Thrown when fastify is missing or is not version 5. */
export class FastifyMissingError extends Error {
  constructor(detail?: string) {
    super(detail ? `${FASTIFY_MISSING_MESSAGE} (${detail})` : FASTIFY_MISSING_MESSAGE);
    this.name = "FastifyMissingError";
  }
}

/**
 * Loads fastify from wherever Node resolves it for this package (the program's
 * node_modules). Throws FastifyMissingError when it is absent or of another major.
 */
export function loadFastify(load: ModuleLoader = require): FastifyFactory {
  let version: string;
  let factory: FastifyFactory;
  try {
    version = (load("fastify/package.json") as { version: string }).version;
    factory = (load("fastify") as { fastify: FastifyFactory }).fastify;
  } catch (error) {
    if (isMissing(error, "fastify")) throw new FastifyMissingError();
    throw error;
  }
  if (Number(version.split(".")[0]) !== FASTIFY_MAJOR) throw new FastifyMissingError(`found fastify ${version}`);
  return factory;
}

function isMissing(error: unknown, id: string): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === "MODULE_NOT_FOUND" && typeof message === "string" && message.includes(`'${id}`);
}
