// Finds the newest @pulumi/pulumi release that this package's peer range admits, asking the
// registry once per test run and keeping the answer for the rest of that run.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const repoRoot = path.resolve(__dirname, "../..");
const SDK = "@pulumi/pulumi";

/** The release a test run installs, and why it was chosen. */
export interface NewestSdk {
  /** The release, e.g. `3.276.0`. */
  readonly version: string;
  /** The peer range it was chosen from, as package.json declares it. */
  readonly range: string;
  /** The release's `engines.node`, e.g. `>=22` (undefined if it declares none). */
  readonly nodeEngines?: string;
}

/** The `@pulumi/pulumi` peer range in package.json. */
export function peerRange(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const range = pkg.peerDependencies?.[SDK];
  if (typeof range !== "string") throw new Error(`package.json declares no peerDependencies["${SDK}"]`);
  return range;
}

/** Orders plain `x.y.z` versions (a caret range admits no pre-releases, so no others reach here). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function npmView(args: string[]): unknown {
  try {
    const out = execFileSync("npm", ["view", ...args, "--json"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    return out.trim() === "" ? undefined : JSON.parse(out);
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr || (err as Error).message).trim().split("\n").slice(0, 6).join("\n");
    throw new Error(
      `npm view ${args.join(" ")} failed, so the newest ${SDK} release the peer range admits is unknown.\n` +
        `This test resolves it from the npm registry on every run; check that npm can reach its registry ` +
        `(npm config get registry) and run again.\n${detail}`,
    );
  }
}

/**
 * Asks the registry for every release in `range` and returns the highest, with its Node.js
 * requirement. `pinned` (OKTA_RT_NEWEST_PULUMI) reruns one given release instead.
 */
export function resolveNewestSdk(range: string = peerRange(), pinned = process.env.OKTA_RT_NEWEST_PULUMI): NewestSdk {
  let version = pinned;
  if (!version) {
    const listed = npmView([`${SDK}@${range}`, "version"]);
    const versions = (Array.isArray(listed) ? listed : [listed]).filter((v): v is string => typeof v === "string");
    if (versions.length === 0) throw new Error(`the registry lists no ${SDK} release in ${range}`);
    version = versions.sort(compareVersions)[versions.length - 1];
  } else if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`OKTA_RT_NEWEST_PULUMI must be an exact x.y.z release (found "${version}")`);
  }
  const engines = npmView([`${SDK}@${version}`, "engines"]) as { node?: string } | undefined;
  return { version, range, nodeEngines: engines?.node };
}

/**
 * The newest admitted release for this test run. The first call asks the registry and writes
 * the answer into `runDir` (the run's shared program base), so every test file in the run
 * installs the same release even if a new one is published meanwhile.
 */
export function newestSdkForRun(runDir: string): NewestSdk {
  const file = path.join(runDir, "newest-pulumi-sdk.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as NewestSdk;
  const sdk = resolveNewestSdk();
  fs.writeFileSync(file, JSON.stringify(sdk));
  return sdk;
}
