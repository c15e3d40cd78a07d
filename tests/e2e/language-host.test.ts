// Proves the Node.js language host gives a program, on the real engine, what
// Pulumi's own host gives it: config (also on a stack without any), the run's
// metadata, its folder and entry point, its printed output, exit codes, the
// plugins it needs, and what `pulumi about` and `pulumi install` report.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliProject, CliResult, createCliProject, expectSuccess } from "./cli-project";

jest.setTimeout(300_000);

const observer = `
const pulumi = require("@pulumi/pulumi");
const config = new pulumi.Config();
console.log("stdout-marker dryRun=" + pulumi.runtime.isDryRun());
console.error("stderr-marker");
const env = (k) => process.env[k] ?? null;
exports.plain = config.get("plain") ?? "unset";
exports.token = config.getSecret("token") ?? "unset";
exports.project = pulumi.getProject();
exports.stack = pulumi.getStack();
exports.organization = pulumi.getOrganization();
exports.rootDirectory = pulumi.getRootDirectory();
exports.cwd = process.cwd();
exports.configKeys = Object.keys(JSON.parse(process.env.PULUMI_CONFIG)).sort();
exports.secretKeys = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS);
exports.typescript = env("PULUMI_NODEJS_TYPESCRIPT");
exports.parallel = env("PULUMI_NODEJS_PARALLEL");
exports.hasEngine = env("PULUMI_NODEJS_ENGINE") !== null;
exports.hasMonitor = env("PULUMI_NODEJS_MONITOR") !== null;
`;

async function outputs(p: CliProject, showSecrets = false): Promise<Record<string, unknown>> {
  const r = expectSuccess(await p.run(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])]), "stack output");
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** How often needle occurs in the Diagnostics section the CLI prints at the end. */
function countInDiagnostics(r: CliResult, needle: string): number {
  const all = `${r.stdout}${r.stderr}`;
  const diagnostics = all.slice(all.indexOf("Diagnostics:"));
  return diagnostics.split(needle).length - 1;
}

describe("the Node.js language host on the real engine", () => {
  const projects: CliProject[] = [];
  const project = async (name: string, files: Record<string, string>) => {
    const p = await createCliProject({ project: name, files });
    projects.push(p);
    return p;
  };
  afterAll(() => projects.forEach((p) => p.cleanup()));

  describe("a program reading its config and run metadata", () => {
    let p: CliProject;
    beforeAll(async () => {
      p = await project("lh-observer", { "index.js": observer, "package.json": '{"name":"lh-observer","main":"index.js"}' });
    });

    it("reads undefined config on a stack with no config at all, with PULUMI_CONFIG {} and no secret keys", async () => {
      const up = await p.run(["up", "--yes", "--skip-preview"]);
      expect(`${up.stdout}${up.stderr}`).not.toContain("Cannot convert undefined or null to object");
      expectSuccess(up, "up");
      const out = await outputs(p);
      expect(out.plain).toBe("unset");
      expect(out.token).toBe("unset");
      expect(out.configKeys).toEqual([]);
      expect(out.secretKeys).toEqual([]);
    });

    it("sees its project, stack, organization, root directory, folder, config and secret config kept secret", async () => {
      expectSuccess(await p.run(["config", "set", "plain", "hello"]), "config set");
      expectSuccess(await p.run(["config", "set", "--secret", "token", "s3cret-value"]), "config set --secret");
      expectSuccess(await p.run(["up", "--yes", "--skip-preview"]), "up");
      const hidden = await outputs(p);
      expect(hidden.token).toBe("[secret]");
      const out = await outputs(p, true);
      expect(out).toMatchObject({
        plain: "hello",
        token: "s3cret-value",
        project: "lh-observer",
        stack: "e2e",
        organization: "organization",
        rootDirectory: p.dir,
        cwd: p.dir,
        configKeys: ["lh-observer:config:plain", "lh-observer:config:token"],
        secretKeys: ["lh-observer:token"],
        typescript: "true",
        hasEngine: true,
        hasMonitor: true,
      });
      expect(Number(out.parallel)).toBeGreaterThan(0);
      expect(p.env.PULUMI_CONFIG_PASSPHRASE).toBeDefined();
      expect(fs.readFileSync(path.join(p.dir, "Pulumi.e2e.yaml"), "utf8")).not.toContain("s3cret-value");
    });

    it("prints what the program writes to stdout and stderr in the CLI output, with the dry-run flag set only in preview", async () => {
      const preview = expectSuccess(await p.run(["preview"]), "preview");
      expect(preview.stdout).toContain("stdout-marker dryRun=true");
      expect(preview.stdout).toContain("stderr-marker");
      const up = expectSuccess(await p.run(["up", "--yes", "--skip-preview"]), "up");
      expect(up.stdout).toContain("stdout-marker dryRun=false");
    });
  });

  it("runs a project whose `main` is a folder from that folder, with package.json `main` choosing the entry and typescript: false honoured", async () => {
    const p = await project("lh-main-folder", {
      "Pulumi.yaml": "name: lh-main-folder\nmain: app/\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
      "app/package.json": '{"name":"lh-app","main":"lib/start.js"}',
      "app/lib/start.js": `
const pulumi = require("@pulumi/pulumi");
exports.cwd = process.cwd();
exports.entry = __filename;
exports.rootDirectory = pulumi.getRootDirectory();
exports.typescript = process.env.PULUMI_NODEJS_TYPESCRIPT ?? null;
`,
    });
    expectSuccess(await p.run(["up", "--yes", "--skip-preview"]), "up");
    expect(await outputs(p)).toEqual({
      cwd: path.join(p.dir, "app"),
      entry: path.join(p.dir, "app", "lib", "start.js"),
      rootDirectory: p.dir,
      typescript: null,
    });
  });

  it("fails `pulumi up` with a non-zero exit when the program throws, showing the error once and no exit-code noise", async () => {
    // Thrown from a timer: on Node 20, formatting the stack of an error thrown while the
    // program's module loads takes minutes (see the README's engine notes).
    const p = await project("lh-throws", {
      "index.js": 'require("@pulumi/pulumi");\nsetTimeout(() => { throw new Error("boom-marker-4711"); }, 0);\n',
    });
    const up = await p.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(countInDiagnostics(up, "Error: boom-marker-4711")).toBe(1);
    expect(`${up.stdout}${up.stderr}`).not.toContain("Program exited");
  });

  it("fails `pulumi up` with 'Program exited with non-zero exit code: 3' when the program calls process.exit(3)", async () => {
    const p = await project("lh-exit3", { "index.js": 'require("@pulumi/pulumi");\nprocess.exit(3);\n' });
    const up = await p.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(countInDiagnostics(up, "error: an unhandled error occurred: Program exited with non-zero exit code: 3")).toBe(1);
  });

  it("reports a package that declares a resource plugin to the engine, and a dynamic-provider program still deploys when that plugin cannot be downloaded", async () => {
    const p = await project("lh-plugins", {
      "index.js": `
const pulumi = require("@pulumi/pulumi");
const provider = { async create(inputs) { return { id: "p-1", outs: inputs }; } };
class Thing extends pulumi.dynamic.Resource { constructor(name, args) { super(provider, name, args); } }
exports.value = new Thing("thing", { value: "v" }).value;
`,
      // A plugin served from a closed local port: the download fails at once, offline or not.
      "node_modules/@pulumi/fakeprov/package.json": JSON.stringify({
        name: "@pulumi/fakeprov",
        version: "1.2.3",
        pulumi: { resource: true, server: "http://127.0.0.1:9/" },
      }),
    });
    const install = await p.run(["plugin", "install"]);
    expect(`${install.stdout}${install.stderr}`).toMatch(/fakeprov.*1\.2\.3/);
    expect(install.code).not.toBe(0);
    const up = expectSuccess(await p.run(["up", "--yes", "--skip-preview"]), "up");
    expect(up.stdout).toMatch(/\+ 2 created|2 created/);
    expect(await outputs(p)).toEqual({ value: "v" });
  });

  it("makes `pulumi about` report the Node.js version, the package manager and the program's dependencies", async () => {
    const p = await project("lh-about", { "index.js": 'require("@pulumi/pulumi");\n' });
    const r = expectSuccess(await p.run(["about", "--json"]), "about");
    const about = JSON.parse(r.stdout) as {
      runtime: { language: string; version: string; packagemanager?: string };
      dependencies: { name: string; version: string }[];
    };
    expect(about.runtime.language).toBe("nodejs");
    expect(about.runtime.version).toBe(process.version);
    expect(about.runtime.packagemanager).toBe("npm");
    expect(about.dependencies).toEqual(expect.arrayContaining([{ name: "@pulumi/pulumi", version: "3.248.0" }]));
  });

  it("makes `pulumi install` install the program's dependencies with npm in the program folder", async () => {
    const p = await project("lh-install", { "package.json": '{"name":"lh-install","version":"1.0.0","private":true}' });
    const r = expectSuccess(await p.run(["install"]), "install");
    expect(r.stdout).toContain("Installing dependencies...");
    expect(r.stdout).toContain("Finished installing dependencies");
    expect(fs.existsSync(path.join(p.dir, "package-lock.json"))).toBe(true);
  });
});
