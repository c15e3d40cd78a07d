// Readies the real engine for P2 and P3: the pinned Pulumi CLI, and this package packed and
// installed into a program base, as a user would get it (adapted from the e2e global setup).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "./repo-root";

/** The folder whose node_modules holds the packed package; programs are made inside it. */
export interface BenchBase {
  readonly dir: string;
  cleanup(): void;
}

interface EnsurePulumi {
  ensurePulumi(o: { quiet: boolean }): { binDir: string; path: string };
  pinnedVersion(): string;
}

/** Builds or finds the engine, sets the variables createProgram reads, packs and installs the package. */
export function prepareEngine(progress: (line: string) => void): BenchBase {
  const root = repoRoot();
  const scripts = require(path.join(root, "scripts", "ensure-pulumi.js")) as EnsurePulumi;
  const engine = scripts.ensurePulumi({ quiet: true });
  process.env.OKTA_RT_ENGINE_BIN = engine.binDir;
  process.env.OKTA_RT_ENGINE_PATH = engine.path;

  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-bench-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  ) as { filename: string }[];
  const tarball = path.join(dir, packed[0]?.filename ?? "");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench-base", private: true }));
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball, `@pulumi/pulumi@${scripts.pinnedVersion()}`],
    { cwd: dir, stdio: ["ignore", "inherit", "inherit"] },
  );
  progress(`engine ready; packed and installed ${path.basename(tarball)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
