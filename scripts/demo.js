#!/usr/bin/env node
// `npm run demo`: the main job end to end against the built-in emulator —
// up, a table of targets, a hand-made change, the drift check catching it,
// remediation, and destroy. All state lives in .work/demo and is removed at the end.
"use strict";

const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ensurePulumi, engineEnv } = require("./ensure-pulumi.js");
const ui = require("./demo-ui.js");
const { discoverFixture } = require("./demo-fixture.js");

const repoRoot = path.resolve(__dirname, "..");
const workDir = path.join(repoRoot, ".work", "demo");
const API_TOKEN = "demo-api-token";

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ok = (opts.okCodes ?? [0]).includes(code);
      if (ok) resolve({ code, out });
      else reject(Object.assign(new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${code}`), { out }));
    });
  });
}

function ensureInstalled() {
  if (!fs.existsSync(path.join(repoRoot, "node_modules", "@pulumi", "pulumi"))) {
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: repoRoot, stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm ci failed");
  }
  // `npm test` builds once before any suite runs; rebuilding here would rewrite dist/ under other suites.
  if (process.env.OKTA_RT_DEMO_PREBUILT !== "1") {
    const r = spawnSync("npm", ["run", "-s", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm run build failed");
  }
  // The quickstart imports this package by name, as a user's program would.
  const link = path.join(repoRoot, "node_modules", "pulumi-okta-role-targets");
  if (!fs.existsSync(link)) fs.symlinkSync("..", link, "dir");
}

/**
 * What the destroy shows a reader: each binding's "deleted" row (its warning is
 * shown once, below), then Pulumi's Diagnostics section with the binding each
 * warning belongs to, then the summary.
 */
function destroyLines(out) {
  // Pulumi repeats a row when a message arrives for it; one line per resource is enough here.
  const rows = [...new Set(out.split("\n").filter((l) => / deleted \(/.test(l)).map((l) => l.replace(/\) warning: .*$/, ")").trimEnd()))];
  const diagnostics = out.match(/^Diagnostics:\n[\s\S]*?(?=^Resources:)/m)?.[0].trimEnd().split("\n") ?? [];
  const summary = out.match(/^Resources:\n.*$/m)?.[0].split("\n") ?? [];
  return [...rows, ...diagnostics, ...summary];
}

async function main() {
  ui.heading("Install and build", "Installs dependencies if missing, builds the package, and finds or builds the pinned Pulumi engine.");
  await ui.withSpinner("npm install and build", async () => ensureInstalled());
  const engine = await ui.withSpinner("Pulumi engine", async () => ensurePulumi({ quiet: true }));
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.rmSync(path.join(repoRoot, "Pulumi.demo.yaml"), { force: true });
  fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
  const env = {
    ...engineEnv(engine),
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}`,
    PULUMI_HOME: path.join(workDir, "home"),
    PULUMI_CONFIG_PASSPHRASE: "demo-passphrase",
  };
  const pulumi = (args, opts = {}) => run(path.join(engine.binDir, "pulumi"), [...args, "--non-interactive", "--color", "never"], { env, ...opts });

  ui.heading("Start a local Okta", "The emulator speaks Okta's role-target API on 127.0.0.1, preloaded with a demo org.");
  const { startEmulator } = require(path.join(repoRoot, "dist", "emulator"));
  const emulator = await startEmulator({ port: 0, apiToken: API_TOKEN, seed: path.join(repoRoot, "dist", "emulator", "demo-org.json") });
  try {
    process.stdout.write(`    OKTA_EMULATOR_URL=${emulator.url}\n`);
    const fixture = await discoverFixture(emulator.url, API_TOKEN);

    ui.heading("pulumi up", "Applies Pulumi.yaml's quickstart: group targets for a user and a group, app-instance targets for the group, catalog app targets for an OAuth client.");
    await pulumi(["stack", "init", "demo"]);
    await pulumi(["config", "set", "okta:orgUrl", emulator.url]);
    await pulumi(["config", "set", "--secret", "okta:apiToken", API_TOKEN]);
    for (const [key, value] of Object.entries(fixture.config)) {
      await pulumi(["config", "set", `quickstart:${key}`, typeof value === "string" ? value : JSON.stringify(value)]);
    }
    const up = await ui.withSpinner("pulumi up", () => pulumi(["up", "--yes", "--skip-preview"]));
    ui.indented(up.out, 30);

    ui.heading("The targets now in Okta", "Read back from the stack's outputs: names come from Okta's list responses, with no extra lookups.");
    const outputs = JSON.parse((await pulumi(["stack", "output", "--json"])).out).bindings;
    ui.table(
      ["binding", "principal", "role", "targets"],
      Object.entries(outputs).map(([name, b]) => [name, b.principal, b.role, b.targets.map((t) => t.displayName).join(", ")]),
    );

    ui.heading("A change by hand", `An admin adds "${fixture.drift.name}" to the help-desk role in the console, behind Pulumi's back.`);
    await fixture.drift.apply();
    process.stdout.write(`    PUT ${fixture.drift.path} -> 204\n`);

    ui.heading("Drift check", "pulumi preview --refresh --run-program --expect-no-changes --diff, as a scheduled CI job would run it. Exit code 7 means drift.");
    const drift = await ui.withSpinner("drift check", () => pulumi(["preview", "--refresh", "--run-program", "--expect-no-changes", "--diff"], { okCodes: [0, 7, 255] }));
    ui.indented(drift.out.split("\n").filter((l) => /groupIds|~|error: no changes were expected|Resources:|update/.test(l)).join("\n"), 25);
    if (drift.code === 0) throw new Error("the drift check did not catch the hand-made change");
    process.stdout.write(`    ${ui.green("caught")}: exit code ${drift.code}\n`);

    ui.heading("Remediate", "pulumi up --refresh --run-program puts the declared targets back: the hand-added group is removed (adds before removes, never unscoped).");
    const fix = await ui.withSpinner("pulumi up --refresh --run-program", () => pulumi(["up", "--yes", "--refresh", "--run-program", "--skip-preview"]));
    ui.indented(fix.out.split("\n").filter((l) => /updated|Resources:|~/.test(l)).join("\n"), 15);
    await ui.withSpinner("drift check again", () => pulumi(["preview", "--refresh", "--run-program", "--expect-no-changes"]));

    ui.heading("pulumi destroy", "Removes the targets. Where a binding holds a role's last target, it keeps it and warns: removing it would widen the role to ALL groups or apps.");
    const destroy = await ui.withSpinner("pulumi destroy", () => pulumi(["destroy", "--yes", "--skip-preview"]));
    ui.indented(destroyLines(destroy.out).join("\n"), 25);
    process.stdout.write(`\n${ui.bold("Done.")} State was kept in ${path.relative(repoRoot, workDir)} and is now removed.\n`);
  } finally {
    await emulator.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.rmSync(path.join(repoRoot, "Pulumi.demo.yaml"), { force: true }); // the demo stack's config

  }
}

main().catch((err) => {
  process.stderr.write(`\n${ui.red("demo failed")}: ${err.message}\n`);
  if (err.out) process.stderr.write(`${err.out.split("\n").slice(-40).join("\n")}\n`);
  process.exit(1);
});
