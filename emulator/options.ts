// Emulator options and their defaults, resolved once.
import type { EmulatorSeed } from "./seed/seed-types";

/** Options for startEmulator. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free port. */
  port?: number;
  /** The API token accepted as `Authorization: SSWS <token>`. Default `emulator-token`. */
  apiToken?: string;
  /** The org to start with: a seed object or a path to a seed JSON file. Default: an empty org. */
  seed?: EmulatorSeed | string;
  /** Requests allowed per endpoint family per window. Default 600 per 60 s. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** The clock, epoch milliseconds. Inject one to move time in tests. Default `Date.now`. */
  now?: () => number;
  /** Log requests to stderr (default false). */
  logger?: boolean;
  /**
   * Whether `GET /api/v1/iam/assignees/users` also lists users who hold a role only through a
   * group. Okta's documentation does not say; default false (only users assigned a role directly).
   */
  assigneesIncludeGroupHolders?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedEmulatorOptions {
  readonly port: number;
  readonly apiToken: string;
  readonly seed: EmulatorSeed | string | undefined;
  readonly rateLimit: { readonly limit: number; readonly windowSeconds: number };
  readonly now: () => number;
  readonly logger: boolean;
  readonly assigneesIncludeGroupHolders: boolean;
}

/** The default API token. */
export const DEFAULT_API_TOKEN = "emulator-token";

/** The default rate limit: 600 requests per 60 seconds per endpoint family. */
export const DEFAULT_RATE_LIMIT = { limit: 600, windowSeconds: 60 } as const;

/** Fills in defaults and checks ranges; throws RangeError on nonsense. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`);
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!Number.isInteger(rateLimit.limit) || rateLimit.limit < 1) throw new RangeError(`rateLimit.limit must be a positive integer`);
  if (!Number.isInteger(rateLimit.windowSeconds) || rateLimit.windowSeconds < 1) {
    throw new RangeError(`rateLimit.windowSeconds must be a positive integer`);
  }
  const apiToken = options.apiToken ?? DEFAULT_API_TOKEN;
  if (apiToken === "" || /\s/.test(apiToken)) throw new RangeError("apiToken must be non-empty and contain no spaces");
  return {
    port,
    apiToken,
    seed: options.seed,
    rateLimit,
    now: options.now ?? Date.now,
    logger: options.logger ?? false,
    assigneesIncludeGroupHolders: options.assigneesIncludeGroupHolders ?? false,
  };
}
