// Runs a throwaway Pulumi project with the pinned CLI itself (no Automation
// API), so tests see exactly what a user's terminal sees: exit codes, the
// printed output, and the processes the CLI starts.
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { e2eBaseDir } from "../helpers/pulumi-program";

/** What one CLI command printed and how it ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A project folder with a stack `e2e` on a temp file:// backend. */
export interface CliProject {
  readonly dir: string;
  /** Environment the CLI (and through it the program) runs with. */
  readonly env: Record<string, string>;
  /** Runs `pulumi <args>` in the project folder to completion. */
  run(args: string[], extraEnv?: Record<string, string>): Promise<CliResult>;
  /** Starts `pulumi <args>` and returns the process, for tests that kill it. */
  start(args: string[], extraEnv?: Record<string, string>): ChildProcess;
  /** Removes the project, backend and home folders. */
  cleanup(): void;
}

/** Options for {@link createCliProject}. */
export interface CliProjectOptions {
  /** Project name (also the folder name prefix). */
  project: string;
  /** Files to write, relative to the project folder. `Pulumi.yaml` defaults to a plain Node.js project. */
  files: Record<string, string>;
}

/** Creates the project's files and its `e2e` stack; the folder sits in the shared tarball base. */
export async function createCliProject(opts: CliProjectOptions): Promise<CliProject> {
  const dir = fs.mkdtempSync(path.join(e2eBaseDir(), `${opts.project}-`));
  const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-state-"));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-home-"));
  const files = { "Pulumi.yaml": `name: ${opts.project}\nruntime: nodejs\n`, ...opts.files };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const enginePath = process.env.OKTA_RT_ENGINE_PATH;
  if (!enginePath) throw new Error("OKTA_RT_ENGINE_PATH is not set: run the tests through jest (npm test)");
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PATH: `${enginePath}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_CONFIG_PASSPHRASE: "e2e-test-passphrase",
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_HOME: home,
    PULUMI_SKIP_CONFIRMATIONS: "true",
    NO_COLOR: "1",
  };

  const start = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawn("pulumi", [...args, "--non-interactive", "--color=never"], {
      cwd: dir,
      env: { ...env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
  const run = (args: string[], extraEnv?: Record<string, string>) =>
    new Promise<CliResult>((resolve, reject) => {
      const child = start(args, extraEnv);
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    });

  const init = await run(["stack", "init", "e2e"]);
  if (init.code !== 0) throw new Error(`pulumi stack init failed:\n${init.stdout}\n${init.stderr}`);
  return {
    dir,
    env,
    run,
    start,
    cleanup: () => {
      for (const d of [dir, backendDir, home]) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Throws with the CLI's output unless the command exited 0. */
export function expectSuccess(r: CliResult, what: string): CliResult {
  if (r.code !== 0) throw new Error(`pulumi ${what} exited ${r.code ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return r;
}
