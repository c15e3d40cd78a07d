#!/usr/bin/env node
// The `pulumi-okta-role-targets` command: audit an org's delegated admin roles, or export them as a Pulumi program.
import { runCli } from "./run-cli";

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTty: process.stderr.isTTY === true,
  now: Date.now,
}).then((code) => {
  process.exitCode = code;
});
