// Lists the example programs under examples/ (every folder except the CI recipes).
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "./typecheck-program";

/** The examples folder. */
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");

/** The examples this suite was written for; each must exist. */
export const EXPECTED_EXAMPLES = ["user-helpdesk", "client-app-admin", "group-roles"];

/** Every example program folder, sorted; `ci/` holds workflows, not a program. */
export function listExamples(): string[] {
  return fs
    .readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "ci" && e.name !== "node_modules")
    .map((e) => e.name)
    .sort();
}

/**
 * The example the repository's own Pulumi.yaml runs (`main: examples/<name>/…`),
 * if any: its project files live at the repo root, not in its folder.
 */
export function rootProjectExample(): string | undefined {
  const file = path.join(REPO_ROOT, "Pulumi.yaml");
  if (!fs.existsSync(file)) return undefined;
  const main = (parse(fs.readFileSync(file, "utf8")) as { main?: string } | null)?.main;
  const rel = main ? path.relative(EXAMPLES_DIR, path.resolve(REPO_ROOT, main)) : "";
  return rel && !rel.startsWith("..") ? rel.split(path.sep)[0] : undefined;
}

/** Examples that are Pulumi projects of their own, to be copied as a folder. */
export function listStandaloneExamples(): string[] {
  const root = rootProjectExample();
  return listExamples().filter((name) => name !== root);
}
