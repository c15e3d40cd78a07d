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

/** Relative link targets (no scheme, no bare #anchor) of a Markdown text, without their #fragment. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? "");
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith("#")).map((t) => t.split("#")[0] ?? t);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

describe("the Markdown that ships in the tarball", () => {
  let paths: string[];
  beforeAll(() => {
    paths = packedPaths();
  });

  it("includes the docs the README links to: docs/RECOVERY.md, docs/MIGRATION.md and emulator/README.md", () => {
    expect(paths).toEqual(expect.arrayContaining(["docs/RECOVERY.md", "docs/MIGRATION.md", "emulator/README.md"]));
  });

  it("has no relative link, in any shipped .md file, to a file the tarball lacks", () => {
    const broken: string[] = [];
    for (const doc of paths.filter((p) => p.endsWith(".md"))) {
      const text = fs.readFileSync(path.join(REPO_ROOT, doc), "utf8");
      for (const link of relativeLinks(text)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(doc), link)).replace(/\/$/, "");
        if (!paths.includes(target)) broken.push(`${doc} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("has a heading for every #anchor link in README.md", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1] ?? "")));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? "");
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((a) => !anchors.has(a))).toEqual([]);
  });

  it("points absolute links to this repository at one address, the package.json repository", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { repository: { url: string }; homepage: string; bugs: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(pkg.homepage.startsWith(repo)).toBe(true);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const githubLinks = [...readme.matchAll(/\]\((https:\/\/github\.com\/[^)\s]+)\)/g)].map((m) => m[1] ?? "");
    expect(githubLinks.filter((l) => l.includes("pulumi-okta-role-targets") && !l.startsWith(`${repo}/`))).toEqual([]);
  });
});

describe("the packed package.json", () => {
  const WEB_FRAMEWORKS = ["fastify", "express", "koa", "@hapi/hapi", "hapi", "restify", "light-my-request"];
  let packed: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; keywords?: string[] };
  beforeAll(() => {
    const tarball = process.env.OKTA_RT_TARBALL;
    if (!tarball) throw new Error("OKTA_RT_TARBALL is not set: run the tests through jest");
    packed = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
  });

  it("has no web framework among its dependencies: fastify is an optional peer, for the emulator only", () => {
    expect(Object.keys(packed.dependencies ?? {}).filter((d) => WEB_FRAMEWORKS.includes(d))).toEqual([]);
    expect(packed.peerDependencies?.fastify).toMatch(/^\^5\./);
    expect(packed.peerDependenciesMeta?.fastify?.optional).toBe(true);
  });

  it("carries repository, homepage, bugs and keywords for the registry page", () => {
    expect(packed).toMatchObject({ repository: { type: "git" }, homepage: expect.any(String), bugs: { url: expect.any(String) } });
    expect(packed.keywords).toEqual(expect.arrayContaining(["pulumi", "okta"]));
  });
});

describe("CHANGELOG.md", () => {
  const changelog = fs.readFileSync(path.join(REPO_ROOT, "CHANGELOG.md"), "utf8");

  it("opens with an [Unreleased] section that later changes are added to, with its link defined", () => {
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
    expect(versions[0]).toBe("Unreleased");
    expect(changelog).toMatch(/^\[Unreleased\]: https:\/\/\S+$/m);
  });

  it("dates every released version, Keep a Changelog style", () => {
    const released = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+[^\]]*)\](.*)$/gm)];
    for (const [, , rest] of released) expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
  });
});
