// Jest global setup: finds or builds the pinned Pulumi engine once, packs this
// package the way npm publishes it, and installs the tarball into a shared
// program base so end-to-end tests run the code a user would get.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ensurePulumi, pinnedVersion } = require("../../scripts/ensure-pulumi.js");

const repoRoot = path.resolve(__dirname, "../..");

function packAndInstall() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-e2e-"));
  const started = Date.now();
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", base], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = path.join(base, packed[0].filename);
  fs.writeFileSync(path.join(base, "package.json"), JSON.stringify({ name: "e2e-base", private: true }));
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball, `@pulumi/pulumi@${pinnedVersion()}`],
    { cwd: base, stdio: ["ignore", "inherit", "inherit"] },
  );
  process.stderr.write(`[e2e] packed and installed ${packed[0].filename} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { base, tarball };
}

module.exports = async function globalSetup() {
  const engine = ensurePulumi({ quiet: false });
  process.env.OKTA_RT_ENGINE_BIN = engine.binDir;
  process.env.OKTA_RT_ENGINE_PATH = engine.path;
  if (!process.env.OKTA_RT_E2E_BASE) {
    const { base, tarball } = packAndInstall();
    process.env.OKTA_RT_E2E_BASE = base;
    process.env.OKTA_RT_TARBALL = tarball;
    globalThis.__oktaRtOwnedBase = base;
  }
};
