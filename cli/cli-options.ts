// The parsed command line: which command, how to reach the org, and each command's options.

/** How to reach the org; secrets are never here, only the names of the variables holding them. */
export interface ConnectionFlags {
  orgUrl?: string;
  orgName?: string;
  baseUrl?: string;
  /** Name of the environment variable holding the API token (default OKTA_API_TOKEN). */
  apiTokenEnv?: string;
  /** Name of the environment variable holding an access token (default OKTA_ACCESS_TOKEN). */
  accessTokenEnv?: string;
  clientId?: string;
  /** Path of a PEM private key file (a path, not the key). */
  privateKeyFile?: string;
  privateKeyId?: string;
  scopes?: string;
  allowInsecureHttp: boolean;
  /** Percent (1..100) of each rate-limit bucket to use; default MAX_API_CAPACITY or 100. */
  maxApiCapacity?: number;
  /** Requests in flight at once. */
  concurrency: number;
}

/** How progress is shown on stderr. */
export type ProgressMode = "auto" | "tty" | "plain" | "none";

/** `audit` options. */
export interface AuditFlags {
  complete: boolean;
  format: "table" | "json" | "markdown";
  progress: ProgressMode;
}

/** `export` options. */
export interface ExportFlags {
  complete: boolean;
  progress: ProgressMode;
  /** Directory to write the program into (created; must be empty or absent). */
  outDir: string;
  /** A saved `audit --json` report to export instead of reading the org. */
  fromReport?: string;
  principals: ("user" | "group" | "client")[];
  roles?: string[];
  kinds: ("groups" | "catalogApps" | "appInstances")[];
  mode: "additive" | "authoritative";
  /** Pulumi project name. */
  project: string;
}

/** What the command line asks for. */
export type CliCommand =
  | { kind: "help"; topic?: "audit" | "export" }
  | { kind: "usage-error"; message: string; topic?: "audit" | "export" }
  | { kind: "audit"; connection: ConnectionFlags; audit: AuditFlags }
  | { kind: "export"; connection: ConnectionFlags; export: ExportFlags };
