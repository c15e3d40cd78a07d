// Parses the emulator's command line into options, help, or an error message.
import { parseArgs } from "node:util";
import { DEFAULT_API_TOKEN, DEFAULT_RATE_LIMIT, type EmulatorOptions } from "./options";
import { generateOrgSeed } from "./seed/generate-org";
import { DEMO_ORG_SEED_PATH } from "./seed/load-seed";

/** The usage text printed by --help. */
export const USAGE = `Usage: pulumi-okta-role-targets-emulator [options]

A local Okta org for tests and demos. Listens on 127.0.0.1 only and, when
ready, prints one line on stdout:

    OKTA_EMULATOR_URL=http://127.0.0.1:<port>

Options:
  --port N          port to listen on; 0 picks a free port (default 0)
  --api-token T     API token accepted as "SSWS T" (default ${DEFAULT_API_TOKEN})
  --seed FILE       seed the org from a JSON file; "demo" loads the bundled demo org;
                    "generated" builds a large org (5000 users, 2000 groups, 300
                    delegated admins, 50 service apps; see generateOrgSeed)
  --assignees-include-group-holders
                    list users who hold a role only through a group in
                    GET /api/v1/iam/assignees/users (default: direct holders only)
  --rate-limit N    requests per endpoint family per window (default ${DEFAULT_RATE_LIMIT.limit})
  --rate-window S   rate-limit window in seconds (default ${DEFAULT_RATE_LIMIT.windowSeconds})
  --verbose         log requests to stderr
  --help            show this text
`;

/** What the command line asks for. */
export type CliRequest = { kind: "help" } | { kind: "error"; message: string } | { kind: "run"; options: EmulatorOptions };

/** Reads argv (without node and script); never throws. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        "api-token": { type: "string" },
        seed: { type: "string" },
        "rate-limit": { type: "string" },
        "rate-window": { type: "string" },
        verbose: { type: "boolean" },
        "assignees-include-group-holders": { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };
  const port = integer(values.port, "--port", 0, 65535);
  const limit = integer(values["rate-limit"], "--rate-limit", 1, Number.MAX_SAFE_INTEGER);
  const windowSeconds = integer(values["rate-window"], "--rate-window", 1, Number.MAX_SAFE_INTEGER);
  for (const parsed of [port, limit, windowSeconds]) if (typeof parsed === "string") return { kind: "error", message: parsed };
  const options: EmulatorOptions = {
    rateLimit: {
      limit: (limit as number | undefined) ?? DEFAULT_RATE_LIMIT.limit,
      windowSeconds: (windowSeconds as number | undefined) ?? DEFAULT_RATE_LIMIT.windowSeconds,
    },
    logger: values.verbose === true,
  };
  if (port !== undefined) options.port = port as number;
  if (typeof values["api-token"] === "string") options.apiToken = values["api-token"];
  if (typeof values.seed === "string") options.seed = seedOption(values.seed);
  if (values["assignees-include-group-holders"] === true) options.assigneesIncludeGroupHolders = true;
  return { kind: "run", options };
}

function seedOption(value: string): EmulatorOptions["seed"] {
  if (value === "demo") return DEMO_ORG_SEED_PATH;
  if (value === "generated") return generateOrgSeed();
  return value;
}

// Returns the number, undefined when absent, or an error message.
function integer(raw: string | boolean | undefined, flag: string, min: number, max: number): number | string | undefined {
  if (raw === undefined) return undefined;
  const value = typeof raw === "string" && /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) return `${flag} must be a whole number from ${min} to ${max}, got '${String(raw)}'`;
  return value;
}
