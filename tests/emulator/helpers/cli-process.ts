// Spawns the emulator CLI from source and waits (on events, not timers) for its output and exit.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");

/** A CLI child with its collected output. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout line. */
  firstLine(): Promise<string>;
  /** Resolves with the exit code (or the signal name). */
  exited(): Promise<number | string>;
}

/** Starts `node emulator/cli.ts <args>` through the TypeScript require hook. */
export function spawnCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, ["-r", join(__dirname, "ts-register.js"), join(ROOT, "emulator", "cli.ts"), ...args], { cwd: ROOT });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    firstLine: () =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const newline = out.indexOf("\n");
          if (newline >= 0) resolve(out.slice(0, newline));
        };
        child.stdout.on("data", check);
        void exit.then(() => (out.includes("\n") ? check() : reject(new Error(`CLI exited before printing a line; stderr: ${err}`))));
        check();
      }),
    exited: () => exit,
  };
}
