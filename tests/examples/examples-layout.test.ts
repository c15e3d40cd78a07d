// Every example is a complete Pulumi TypeScript program a user can copy: its files, runtime and dependencies.
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { EXAMPLES_DIR, EXPECTED_EXAMPLES, listExamples, listStandaloneExamples } from "./examples-list";

const REQUIRED_FILES = ["Pulumi.yaml", "package.json", "index.ts", "README.md"];

function read(name: string, file: string): string {
  return fs.readFileSync(path.join(EXAMPLES_DIR, name, file), "utf8");
}

it("includes the user-helpdesk, client-app-admin and group-roles examples, standalone, and the CI recipes", () => {
  expect(listStandaloneExamples()).toEqual(expect.arrayContaining(EXPECTED_EXAMPLES));
  for (const file of ["preview-on-pr.yml", "drift-check.yml", "README.md"]) {
    expect(fs.existsSync(path.join(EXAMPLES_DIR, "ci", file))).toBe(true);
  }
});

describe.each(listExamples())("the %s example folder", (name) => {
  it("has index.ts and a README.md", () => {
    const missing = ["index.ts", "README.md"].filter((f) => !fs.existsSync(path.join(EXAMPLES_DIR, name, f)));
    expect(missing).toEqual([]);
  });
});

describe.each(listStandaloneExamples())("the standalone %s example", (name) => {
  it("has Pulumi.yaml, package.json, index.ts and README.md", () => {
    const missing = REQUIRED_FILES.filter((f) => !fs.existsSync(path.join(EXAMPLES_DIR, name, f)));
    expect(missing).toEqual([]);
  });

  it("is a nodejs Pulumi project named after its folder", () => {
    const project = parse(read(name, "Pulumi.yaml")) as { name: string; runtime: string | { name: string } };
    expect(typeof project.runtime === "string" ? project.runtime : project.runtime.name).toBe("nodejs");
    expect(project.name).toBe(name);
  });

  it("depends on pulumi-okta-role-targets and @pulumi/pulumi", () => {
    const pkg = JSON.parse(read(name, "package.json")) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(expect.arrayContaining(["pulumi-okta-role-targets", "@pulumi/pulumi"]));
  });
});

describe.each(EXPECTED_EXAMPLES)("the %s example, built on @pulumi/okta", (name) => {
  it("depends on @pulumi/okta and has its own tsconfig.json for users", () => {
    const pkg = JSON.parse(read(name, "package.json")) as { dependencies?: Record<string, string> };
    expect(pkg.dependencies?.["@pulumi/okta"]).toBeDefined();
    expect(fs.existsSync(path.join(EXAMPLES_DIR, name, "tsconfig.json"))).toBe(true);
  });

  it("documents the okta:* config it needs, with the API token as a secret, and how to run it", () => {
    const readme = read(name, "README.md");
    for (const key of ["okta:orgName", "okta:baseUrl", "--secret okta:apiToken", "okta:clientId", "pulumi up"]) expect(readme).toContain(key);
  });
});
