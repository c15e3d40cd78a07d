// Runs one command line to an exit code, with every outside effect passed in so tests can drive it.
import { isOktaApiError, OktaConfigError, type HttpTransport } from "../sdk";
import { runAudit } from "./audit/run-audit";
import type { ProgressMode } from "./cli-options";
import { connectClient } from "./connect-client";
import { runExport } from "./export/run-export";
import { parseCliArgs } from "./parse-cli-args";
import { silentProgress, type Progress } from "./progress";
import { plainProgress, ttyProgress } from "./progress-display";
import { renderMarkdown } from "./render/render-markdown";
import { renderTable } from "./render/render-table";
import { AUDIT_USAGE, EXPORT_USAGE, MAIN_USAGE } from "./usage";

/** Exit codes, as `audit --help` documents them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unscoped: 3 } as const;

/** Everything the command line touches outside itself. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal. */
  stderrIsTty: boolean;
  now: () => number;
  /** Replaces the HTTP transport (tests). */
  transport?: HttpTransport;
}

/** Runs `argv` (without node and the script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCliArgs(argv);
  if (command.kind === "help") {
    io.stdout(command.topic === "audit" ? AUDIT_USAGE : command.topic === "export" ? EXPORT_USAGE : MAIN_USAGE);
    return EXIT.ok;
  }
  if (command.kind === "usage-error") {
    const help = command.topic === undefined ? "--help" : `${command.topic} --help`;
    io.stderr(`pulumi-okta-role-targets: ${command.message}\nRun 'pulumi-okta-role-targets ${help}'.\n`);
    return EXIT.usage;
  }
  try {
    let connected: ReturnType<typeof connectClient> | undefined;
    const connect = (): ReturnType<typeof connectClient> => (connected ??= connectClient(command.connection, io.env, io.transport));
    const exportSource = { client: () => connect().client, stderr: io.stderr, concurrency: command.connection.concurrency };
    if (command.kind === "export" && command.export.fromReport !== undefined) {
      await runExport(command.export, exportSource);
      return EXIT.ok;
    }
    const { client, apiCalls } = connect();
    const mode = command.kind === "audit" ? command.audit.progress : command.export.progress;
    const progress = progressFor(mode, io, apiCalls);
    const complete = command.kind === "audit" ? command.audit.complete : command.export.complete;
    const report = await runAudit({ client, complete, concurrency: command.connection.concurrency, progress, apiCalls, now: io.now });
    if (command.kind === "export") {
      await runExport(command.export, { ...exportSource, report });
      return EXIT.ok;
    }
    const format = command.audit.format;
    io.stdout(format === "json" ? JSON.stringify(report, null, 2) + "\n" : format === "markdown" ? renderMarkdown(report) : renderTable(report));
    return report.summary.unscoped > 0 ? EXIT.unscoped : EXIT.ok;
  } catch (error) {
    io.stderr(`pulumi-okta-role-targets: ${describeFailure(error)}\n`);
    return EXIT.failed;
  }
}

function progressFor(mode: ProgressMode, io: CliIo, apiCalls: () => number): Progress {
  const resolved = mode === "auto" ? (io.stderrIsTty && !io.env.CI ? "tty" : "plain") : mode;
  const options = { write: io.stderr, now: io.now, apiCalls };
  if (resolved === "tty") return ttyProgress(options);
  if (resolved === "plain") return plainProgress(options);
  return silentProgress;
}

// OktaApiError and OktaConfigError messages already say what to do next and hold no secrets.
function describeFailure(error: unknown): string {
  if (isOktaApiError(error) || error instanceof OktaConfigError || error instanceof Error) return error.message;
  return String(error);
}
