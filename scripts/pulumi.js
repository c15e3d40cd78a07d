#!/usr/bin/env node
// `npm run pulumi -- <args>`: runs the pinned Pulumi CLI with the right PATH,
// no update checks, and a local file:// backend when none is configured.
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ensurePulumi, engineEnv } = require("./ensure-pulumi.js");

const repoRoot = path.resolve(__dirname, "..");

function hasLogin(env) {
  if (env.PULUMI_BACKEND_URL || env.PULUMI_ACCESS_TOKEN) return true;
  const home = env.PULUMI_HOME || path.join(require("node:os").homedir(), ".pulumi");
  try {
    const creds = JSON.parse(fs.readFileSync(path.join(home, "credentials.json"), "utf8"));
    return Boolean(creds.current);
  } catch {
    return false;
  }
}

function main() {
  const engine = ensurePulumi({ quiet: true });
  const env = engineEnv(engine);
  if (!hasLogin(env)) {
    const stateDir = path.join(repoRoot, ".work", "pulumi-state");
    fs.mkdirSync(stateDir, { recursive: true });
    env.PULUMI_BACKEND_URL = `file://${stateDir}`;
  }
  const r = spawnSync(path.join(engine.binDir, "pulumi"), process.argv.slice(2), { env, stdio: "inherit" });
  process.exit(r.status === null ? 1 : r.status);
}

main();
