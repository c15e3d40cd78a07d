// Runs the pinned Pulumi CLI directly against a test program's stack, for what the
// Automation API cannot do: a per-run environment, or killing the whole process group.
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import type { TestProgram } from "../../helpers/pulumi-program";
import { killGroups, processGroupsUnder } from "./process-tree";

/** How one CLI run ended, with everything it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI run in progress, in its own process group. */
export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when the CLI exits (whatever the code). */
  readonly done: Promise<CliResult>;
  /**
   * SIGKILLs the CLI's process group and the groups of everything under it: the engine
   * starts the language host and provider plugins in process groups of their own, so
   * killing only the CLI's group leaves the provider running (and writing). Returns the groups.
   */
  killTree(): number[];
}

/** The environment the Automation API would give the stack's commands (backend, PULUMI_HOME, passphrase, PATH). */
export function stackEnv(p: TestProgram, extra: Record<string, string> = {}): Record<string, string> {
  const ws = p.stack.workspace as LocalWorkspace;
  const env: Record<string, string> = { ...(process.env as Record<string, string>), ...ws.envVars, ...extra };
  if (ws.pulumiHome) env.PULUMI_HOME = ws.pulumiHome;
  return env;
}

/** The pulumi binary globalSetup found or built. */
export function pulumiBinary(): string {
  const bin = process.env.OKTA_RT_ENGINE_BIN;
  if (!bin) throw new Error("OKTA_RT_ENGINE_BIN is not set: run the tests through jest (npm test)");
  return path.join(bin, "pulumi");
}

/** Starts `pulumi <args> --stack <stack> --non-interactive --color never` in the program's folder. */
export function startCli(p: TestProgram, args: string[], extraEnv: Record<string, string> = {}): CliRun {
  const child = spawn(pulumiBinary(), [...args, "--stack", p.stack.name, "--non-interactive", "--color", "never"], {
    cwd: p.dir,
    env: stackEnv(p, extraEnv),
    detached: true, // its own process group, so a kill takes every plugin with it
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    killTree: () => (child.pid === undefined ? [] : killGroups(processGroupsUnder(child.pid))),
  };
}

/** Runs the CLI to completion. */
export function runCli(p: TestProgram, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return startCli(p, args, extraEnv).done;
}
