// Builds the emulator's JavaScript once, then spawns its CLI and waits (on events, not timers) for output and exit.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..", "..");
const SOURCE = join(ROOT, "emulator");

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

/**
 * Transpiles emulator/ (and copies its JSON) into a scratch folder inside the repository, so the
 * children find node_modules and start as fast as the built CLI. Returns the folder to remove.
 */
export function buildCli(): string {
  const out = join(ROOT, ".work", `emulator-cli-test-${process.pid}`);
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  for (const file of walk(SOURCE)) {
    const target = join(out, "emulator", relative(SOURCE, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith(".json")) copyFileSync(file, target);
    if (!file.endsWith(".ts")) continue;
    const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    writeFileSync(target.replace(/\.ts$/, ".js"), ts.transpileModule(readFileSync(file, "utf8"), { fileName: file, compilerOptions }).outputText);
  }
  return out;
}

/** Removes a folder made by buildCli. */
export function removeBuild(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/** Starts `node <build>/emulator/cli.js <args>`. */
export function spawnCli(build: string, args: string[]): CliProcess {
  const child = spawn(process.execPath, [join(build, "emulator", "cli.js"), ...args], { cwd: ROOT });
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
