// This package's own version, for the exported program's dependency.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The version in the nearest package.json named pulumi-okta-role-targets above this file. */
export function packageVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string; peerDependencies?: Record<string, string> };
    if (pkg.name === "pulumi-okta-role-targets" && pkg.version) return pkg.version;
  }
  return "latest";
}
