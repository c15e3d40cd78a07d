// `npm run demo` end to end: up, a hand change caught with exit code 7, remediation and destroy, leaving no state behind.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./typecheck-program";

it("npm run demo runs to Done with exit code 0, catches the hand change with exit code 7, shows each kept target once under its binding, and removes its state", async () => {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "scripts", "demo.js")], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", OKTA_RT_DEMO_PREBUILT: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`the demo exited with ${code}:\n${output.split("\n").slice(-60).join("\n")}`);
  expect(output).toMatch(/caught.*exit code 7/);
  expect(output).toContain("Done.");
  // The destroy step shows each kept target once, under the binding that kept it.
  const destroyStep = output.slice(output.indexOf("pulumi destroy"));
  const kept = destroyStep.match(/warning: kept .*/g) ?? [];
  expect(kept).toHaveLength(4);
  expect(new Set(kept).size).toBe(4);
  expect(destroyStep).toMatch(/GroupTargetBinding \(helpdesk-regions\):\n\s+warning: kept group \S+ "Sales EMEA"/);
  expect(fs.existsSync(path.join(REPO_ROOT, ".work", "demo"))).toBe(false);
  expect(fs.existsSync(path.join(REPO_ROOT, "Pulumi.demo.yaml"))).toBe(false);
}, 420_000);
