// The API reference builds with zero TypeDoc warnings for all three entry points, and each resource's @example compiles.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT, typecheckProgram } from "./typecheck-program";

const RESOURCES = ["group-target-binding", "app-target-binding", "app-instance-target-binding"];

/** The fenced code blocks inside the `@example` sections of a source file's TSDoc. */
function tsdocExamples(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
  const examples: string[] = [];
  for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = block.split("\n").map((line) => line.replace(/^\s*\*( |$)/, ""));
    const body = lines.join("\n");
    const at = body.indexOf("@example");
    if (at < 0) continue;
    const code = /```ts\n([\s\S]*?)```/.exec(body.slice(at));
    if (code?.[1]) examples.push(code[1]);
  }
  return examples;
}

describe("the API reference (npm run docs)", () => {
  let out: string;
  let run: { status: number | null; output: string };
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "typedoc-"));
    // tsc already type-checks the sources elsewhere; TypeDoc's own warnings are what this checks.
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "typedoc", "bin", "typedoc"), "--out", out, "--skipErrorChecking", "--treatWarningsAsErrors"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    run = { status: r.status, output: `${r.stdout}${r.stderr}` };
  }, 240_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("builds with warnings treated as errors, and prints no warning", () => {
    expect(run.output).not.toMatch(/\[warning\]|\[error\]/);
    expect(run.status).toBe(0);
  });

  it("documents the root, sdk and emulator entry points as the package's import paths", () => {
    const modules = fs.readFileSync(path.join(out, "modules.html"), "utf8");
    for (const name of ["pulumi-okta-role-targets", "pulumi-okta-role-targets/sdk", "pulumi-okta-role-targets/emulator"]) {
      expect(modules).toContain(`>${name}<`);
    }
  });

  it("shows an example on each resource class's page", () => {
    const classes = fs.readdirSync(path.join(out, "classes"));
    for (const name of ["GroupTargetBinding", "AppTargetBinding", "AppInstanceTargetBinding"]) {
      const page = classes.find((file) => file.endsWith(`.${name}.html`) || file === `${name}.html`);
      expect(page).toBeDefined();
      const text = fs.readFileSync(path.join(out, "classes", page as string), "utf8").replace(/<[^>]+>/g, "");
      const example = text.slice(text.indexOf("Example"), text.indexOf("Constructors"));
      expect(example).toMatch(new RegExp(`new ${name}\\(`));
    }
  });
});

describe("the resource classes' TSDoc examples", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsdoc-example-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(RESOURCES)("provider/%s.ts has an @example that type-checks against @pulumi/okta and this package", (name) => {
    const examples = tsdocExamples(`provider/${name}.ts`);
    expect(examples).toHaveLength(1);
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, examples[0] as string);
    const result = typecheckProgram(file, path.join(REPO_ROOT, "examples", "user-helpdesk", "tsconfig.json"));
    expect(result.errors).toEqual([]);
  });
});
