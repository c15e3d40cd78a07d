// Installs the packed tarball beside a chosen @pulumi/pulumi release into a fresh program base,
// with npm itself running on the Node.js a test picked, so npm checks every package's engines.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** What to install, and on which Node.js. */
export interface SdkProgramBaseOptions {
  /** The packed tarball of this package (jest's globalSetup sets OKTA_RT_TARBALL). */
  tarball: string;
  /** The exact `@pulumi/pulumi` release to install beside it. */
  sdkVersion: string;
  /** The folder holding the `node` that npm and the program run on. */
  nodeBinDir: string;
}

/** A program base: pass `dir` to createProgram as `baseDir`. */
export interface SdkProgramBase {
  readonly dir: string;
  /** The `@pulumi/pulumi` version found in the base's node_modules after the install. */
  readonly installedSdkVersion: string;
  /** Removes the base. */
  remove(): void;
}

/** `PATH` with `binDir` first, so `node` (and npm's `#!/usr/bin/env node`) resolve there. */
export function pathWithFirst(binDir: string, rest: string | undefined = process.env.PATH): string {
  return [binDir, rest ?? ""].join(path.delimiter);
}

/**
 * Creates a temp program base and installs the tarball and `@pulumi/pulumi@sdkVersion` into it
 * with `--engine-strict`: a release whose `engines.node` the chosen Node does not meet fails
 * here with npm's EBADENGINE, before any engine runs.
 */
export function installSdkProgramBase(opts: SdkProgramBaseOptions): SdkProgramBase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-newest-sdk-"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "newest-sdk-base", private: true }));
  const spec = `@pulumi/pulumi@${opts.sdkVersion}`;
  try {
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--engine-strict", "--loglevel=error", opts.tarball, spec],
      {
        cwd: dir,
        env: { ...process.env, PATH: pathWithFirst(opts.nodeBinDir) },
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        timeout: 600_000,
      },
    );
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    const detail = ((err as { stderr?: string }).stderr || (err as Error).message).trim();
    const hint = /EBADENGINE/.test(detail)
      ? "The release needs a newer Node.js than the test runs it on: raise NODE_RUNTIME_VERSION in tests/helpers/node-runtime.ts."
      : "Check that npm can reach its registry and that the tarball exists.";
    throw new Error(`npm install ${spec} beside the packed tarball failed. ${hint}\n${detail}`);
  }
  const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"));
  return {
    dir,
    installedSdkVersion: installed.version,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
