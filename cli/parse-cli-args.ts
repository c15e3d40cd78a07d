// Reads argv into a command; never throws, never accepts a secret as a flag value.
import { parseArgs } from "node:util";
import type { AuditFlags, CliCommand, ConnectionFlags, ExportFlags, ProgressMode } from "./cli-options";

const CONNECTION = {
  "org-url": { type: "string" }, "org-name": { type: "string" }, "base-url": { type: "string" },
  "api-token-env": { type: "string" }, "access-token-env": { type: "string" }, "client-id": { type: "string" },
  "private-key-file": { type: "string" }, "private-key-id": { type: "string" }, scopes: { type: "string" },
  "allow-insecure-http": { type: "boolean" }, "max-api-capacity": { type: "string" }, concurrency: { type: "string" },
  complete: { type: "boolean" }, progress: { type: "string" }, quiet: { type: "boolean" }, help: { type: "boolean" },
  // Refused with advice: secrets on the command line end up in shell history and `ps`.
  "api-token": { type: "string" }, "access-token": { type: "string" }, "private-key": { type: "string" },
} as const;
const AUDIT = { json: { type: "boolean" }, markdown: { type: "boolean" } } as const;
const EXPORT = {
  out: { type: "string" }, "from-report": { type: "string" }, principals: { type: "string" }, roles: { type: "string" },
  kinds: { type: "string" }, mode: { type: "string" }, project: { type: "string" },
} as const;
const SECRET_FLAGS: Record<string, string> = {
  "api-token": "Put the token in OKTA_API_TOKEN (or name another variable with --api-token-env VAR)",
  "access-token": "Put the token in OKTA_ACCESS_TOKEN (or name another variable with --access-token-env VAR)",
  "private-key": "Give a key file with --private-key-file PATH, or put the key in OKTA_API_PRIVATE_KEY",
};

/** Parses `argv` (without node and the script). */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    const topic = rest[0];
    return { kind: "help", ...(topic === "audit" || topic === "export" ? { topic } : {}) };
  }
  if (command !== "audit" && command !== "export") return { kind: "usage-error", message: `unknown command '${command}': use audit or export` };
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = { ...CONNECTION, ...(command === "audit" ? AUDIT : EXPORT) } as Record<string, { type: "string" | "boolean" }>;
    values = parseArgs({ args: [...rest], strict: true, allowPositionals: false, options }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    return { kind: "usage-error", message: (error as Error).message, topic: command };
  }
  if (values.help) return { kind: "help", topic: command };
  for (const [flag, advice] of Object.entries(SECRET_FLAGS)) {
    if (values[flag] !== undefined) return { kind: "usage-error", topic: command, message: `--${flag} is not accepted: a secret on the command line ends up in shell history and process lists. ${advice}.` };
  }
  try {
    const connection = connectionFlags(values);
    const progress = progressMode(values);
    if (command === "audit") return { kind: "audit", connection, audit: auditFlags(values, progress) };
    return { kind: "export", connection, export: exportFlags(values, progress) };
  } catch (error) {
    return { kind: "usage-error", message: (error as Error).message, topic: command };
  }
}

function connectionFlags(v: Record<string, string | boolean | undefined>): ConnectionFlags {
  const text = (name: string): string | undefined => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  const capacity = text("max-api-capacity");
  const percent = capacity === undefined ? undefined : number(capacity, "--max-api-capacity", 100);
  if (percent !== undefined && !(Number.isInteger(percent) && percent >= 1 && percent <= 100)) {
    throw new Error(`--max-api-capacity must be a whole number of percent from 1 to 100, such as 50, got '${capacity}'`);
  }
  const concurrency = number(text("concurrency"), "--concurrency", 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new Error(`--concurrency must be a whole number from 1 to 32, got '${text("concurrency")}'`);
  const flags: ConnectionFlags = { allowInsecureHttp: v["allow-insecure-http"] === true, concurrency };
  if (percent !== undefined) flags.maxApiCapacity = percent;
  const set = <K extends keyof ConnectionFlags>(key: K, flag: string): void => {
    const value = text(flag);
    if (value !== undefined) flags[key] = value as ConnectionFlags[K];
  };
  set("orgUrl", "org-url");
  set("orgName", "org-name");
  set("baseUrl", "base-url");
  set("apiTokenEnv", "api-token-env");
  set("accessTokenEnv", "access-token-env");
  set("clientId", "client-id");
  set("privateKeyFile", "private-key-file");
  set("privateKeyId", "private-key-id");
  set("scopes", "scopes");
  for (const name of [flags.apiTokenEnv, flags.accessTokenEnv]) {
    if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`--api-token-env and --access-token-env take the NAME of an environment variable, such as OKTA_API_TOKEN, not a value`);
  }
  return flags;
}

function progressMode(v: Record<string, string | boolean | undefined>): ProgressMode {
  if (v.quiet === true) return "none";
  const mode = v.progress ?? "auto";
  if (mode === "auto" || mode === "tty" || mode === "plain" || mode === "none") return mode;
  throw new Error(`--progress must be auto, tty, plain or none, got '${String(mode)}'`);
}

function auditFlags(v: Record<string, string | boolean | undefined>, progress: ProgressMode): AuditFlags {
  if (v.json === true && v.markdown === true) throw new Error("choose one of --json and --markdown");
  return { complete: v.complete === true, progress, format: v.json === true ? "json" : v.markdown === true ? "markdown" : "table" };
}

function exportFlags(v: Record<string, string | boolean | undefined>, progress: ProgressMode): ExportFlags {
  if (typeof v.out !== "string" || v.out === "") throw new Error("--out DIR is required: the directory to write the Pulumi program into");
  const principals = list(v.principals, ["user", "group", "client"], "--principals");
  const kinds = list(v.kinds, ["groups", "catalogApps", "appInstances"], "--kinds");
  const mode = v.mode ?? "additive";
  if (mode !== "additive" && mode !== "authoritative") throw new Error(`--mode must be additive or authoritative, got '${String(mode)}'`);
  const project = typeof v.project === "string" ? v.project : "okta-role-targets";
  if (!/^[A-Za-z0-9_.-]+$/.test(project)) throw new Error(`--project must be letters, digits, '.', '_' or '-', got '${project}'`);
  const flags: ExportFlags = { complete: v.complete === true, progress, outDir: v.out, principals, kinds, mode, project };
  if (typeof v.roles === "string") flags.roles = v.roles.split(",").map((r) => r.trim().toUpperCase()).filter((r) => r !== "");
  if (typeof v["from-report"] === "string") flags.fromReport = v["from-report"];
  return flags;
}

function list<T extends string>(raw: string | boolean | undefined, allowed: readonly T[], flag: string): T[] {
  if (typeof raw !== "string") return [...allowed];
  const items = raw.split(",").map((item) => item.trim()).filter((item) => item !== "");
  const wrong = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (wrong.length > 0 || items.length === 0) throw new Error(`${flag} takes a comma-separated list of ${allowed.join(", ")}; got '${raw}'`);
  return items as T[];
}

function number(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = /^[0-9]*\.?[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new Error(`${flag} must be a number, got '${raw}'`);
  return value;
}
