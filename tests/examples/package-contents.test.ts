// The published tarball holds the built package and its docs, and nothing from tests, examples or sources.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./typecheck-program";

interface PackResult {
  files: { path: string }[];
}

/** The paths `npm pack` would publish, without running any lifecycle script. */
function packedPaths(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [result] = JSON.parse(out) as PackResult[];
  return result.files.map((f) => f.path).sort();
}

describe("the npm tarball", () => {
  let paths: string[];
  beforeAll(() => {
    paths = packedPaths();
  });

  it.each(["dist/index.js", "dist/index.d.ts", "dist/provider/provider-entry.js", "README.md", "LICENSE", "CHANGELOG.md", "package.json"])(
    "contains %s",
    (file) => {
      expect(paths).toContain(file);
    },
  );

  it("contains no tests, examples, benchmarks or scripts", () => {
    expect(paths.filter((p) => /^(dist\/)?(tests|examples|bench|scripts)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => /\.(test|spec)\.[cm]?[jt]s$/.test(p))).toEqual([]);
  });

  it("contains no emulator test fixtures: no recordings, fixture folders, YAML or private keys", () => {
    expect(paths.filter((p) => /(^|\/)(__fixtures__|fixtures?|recordings)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => /\.(ya?ml|pem|key)$/.test(p))).toEqual([]);
  });

  it("contains no TypeScript sources, only .d.ts declarations", () => {
    expect(paths.filter((p) => /\.[cm]?ts$/.test(p) && !/\.d\.[cm]?ts$/.test(p))).toEqual([]);
  });
});

describe("package.json", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;

  it("declares @pulumi/pulumi as a peer dependency, not a dependency, so the program's copy is the one used", () => {
    expect(pkg.peerDependencies?.["@pulumi/pulumi"]).toBeDefined();
    expect(pkg.dependencies?.["@pulumi/pulumi"]).toBeUndefined();
  });
});
