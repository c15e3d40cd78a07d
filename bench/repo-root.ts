// Finds the repository root from wherever the compiled benchmark runs.
import * as fs from "node:fs";
import * as path from "node:path";

/** The nearest folder above this file whose package.json is this package's. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === "pulumi-okta-role-targets") return dir;
    if (path.dirname(dir) === dir) throw new Error("cannot find the pulumi-okta-role-targets repository root");
  }
}
