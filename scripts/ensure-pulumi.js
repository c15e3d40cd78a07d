#!/usr/bin/env node
// Finds or builds the pinned Pulumi engine (CLI + Node.js language host) and
// says which PATH runs it. Used by `npm run pulumi`, the demo, the tests and
// the benchmarks, so that all of them run one engine version.
"use strict";

const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");
const wrapperDir = path.join(__dirname, "pulumi-engine");

/** The engine version: the exact @pulumi/pulumi version this package is built and tested with. */
function pinnedVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const v = pkg.devDependencies && pkg.devDependencies["@pulumi/pulumi"];
  if (!/^\d+\.\d+\.\d+$/.test(v || "")) {
    throw new Error(`package.json must pin @pulumi/pulumi to an exact version (found ${v})`);
  }
  return v;
}

/** Where the built engine is cached, outside the repo so clean clones reuse it. */
function cacheBinDir(version) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "pulumi-okta-role-targets", `pulumi-v${version}`, "bin");
}

/** The folder that ships `pulumi-resource-pulumi-nodejs`, the dynamic-provider plugin script. */
function nodejsSdkDir() {
  return path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [repoRoot] }));
}

function versionOf(pulumiPath) {
  const r = spawnSync(pulumiPath, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function onPath(name) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function log(quiet, message) {
  if (!quiet) process.stderr.write(`[ensure-pulumi] ${message}\n`);
}

function goBuild(binDir, version, target, output, quiet) {
  const started = Date.now();
  log(quiet, `building ${output} v${version} from Go modules (minutes on a cold Go cache)...`);
  const env = {
    ...process.env,
    // go.sum pins every module hash; the checksum database is not reachable from every machine.
    GOSUMDB: "off",
    GOFLAGS: "-mod=readonly",
    CGO_ENABLED: "0",
  };
  const args = [
    "build",
    "-trimpath",
    "-ldflags",
    `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}`,
    "-o",
    path.join(binDir, output),
    target,
  ];
  const r = spawnSync("go", args, { cwd: wrapperDir, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.error || r.status !== 0) {
    throw new Error(
      `building ${output} failed (go ${args.join(" ")} in ${path.relative(repoRoot, wrapperDir)}). ` +
        `Is Go >= 1.25 installed and the Go module proxy reachable? ${r.error ? r.error.message : ""}`,
    );
  }
  log(quiet, `built ${output} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function sourceHash(files) {
  const h = require("node:crypto").createHash("sha256");
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest("hex");
}

function checkWrapperPin(version) {
  const mod = fs.readFileSync(path.join(wrapperDir, "go.mod"), "utf8");
  for (const m of ["github.com/pulumi/pulumi/pkg/v3", "github.com/pulumi/pulumi/sdk/v3"]) {
    if (!mod.includes(`${m} v${version}`)) {
      throw new Error(`scripts/pulumi-engine/go.mod must require ${m} v${version}, the version package.json pins`);
    }
  }
}

/**
 * Returns the PATH entries that run the pinned engine, building it into the
 * cache on first use. A `pulumi` of the pinned version already on PATH (with
 * its language host) is used as it is.
 */
function ensurePulumi(options = {}) {
  const quiet = Boolean(options.quiet);
  const version = pinnedVersion();
  const sdkDir = nodejsSdkDir();
  const started = Date.now();

  const ambient = onPath("pulumi");
  if (ambient && versionOf(ambient) === `v${version}` && onPath("pulumi-language-nodejs")) {
    log(quiet, `using pulumi v${version} found on PATH at ${ambient}`);
    return { version, binDir: path.dirname(ambient), path: [path.dirname(ambient), sdkDir].join(path.delimiter) };
  }

  const binDir = cacheBinDir(version);
  const pulumiBin = path.join(binDir, "pulumi");
  const hostBin = path.join(binDir, "pulumi-language-nodejs");
  fs.mkdirSync(binDir, { recursive: true });
  checkWrapperPin(version);
  if (versionOf(pulumiBin) !== `v${version}`) {
    goBuild(binDir, version, "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi", "pulumi", quiet);
  }
  // The language host is this repo's own code: rebuild it whenever its source changes.
  const hostStamp = path.join(binDir, "pulumi-language-nodejs.sha256");
  const hostDir = path.join(wrapperDir, "language-nodejs");
  const hostSources = fs
    .readdirSync(hostDir)
    .filter((f) => f.endsWith(".go"))
    .sort()
    .map((f) => path.join(hostDir, f));
  const hostHash = sourceHash([...hostSources, path.join(wrapperDir, "go.sum")]);
  if (!fs.existsSync(hostBin) || !fs.existsSync(hostStamp) || fs.readFileSync(hostStamp, "utf8") !== hostHash) {
    goBuild(binDir, version, "./language-nodejs", "pulumi-language-nodejs", quiet);
    fs.writeFileSync(hostStamp, hostHash);
  }
  // Beside the CLI the engine treats the dynamic-provider plugin as bundled
  // (no "using plugin from $PATH" warning on every run).
  const pluginName = "pulumi-resource-pulumi-nodejs";
  fs.copyFileSync(path.join(sdkDir, pluginName), path.join(binDir, pluginName));
  fs.chmodSync(path.join(binDir, pluginName), 0o755);

  log(quiet, `pulumi v${version} ready in ${binDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { version, binDir, path: [binDir, sdkDir].join(path.delimiter) };
}

/** Environment for running the engine: PATH first, no update checks. */
function engineEnv(engine, base = process.env) {
  return {
    ...base,
    PATH: `${engine.path}${path.delimiter}${base.PATH || ""}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
}

module.exports = { ensurePulumi, engineEnv, pinnedVersion, cacheBinDir };

if (require.main === module) {
  try {
    const engine = ensurePulumi();
    process.stdout.write(`${execFileSync(path.join(engine.binDir, "pulumi"), ["version"], { env: engineEnv(engine), encoding: "utf8" })}`);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
