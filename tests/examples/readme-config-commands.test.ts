// Every `pulumi config set` block in the examples' READMEs runs as written with the pinned CLI, secrets and PEM keys included.
import { generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXAMPLES_DIR, listExamples, rootProjectExample } from "./examples-list";
import { shellBlocks, shellWorkspace, type ShellWorkspace } from "./shell-commands";
import { REPO_ROOT } from "./typecheck-program";

/** Stand-ins for the placeholders the READMEs ask the reader to fill in. */
const PLACEHOLDERS: [string, string][] = [
  ["<token>", "00-docs-test-token"],
  ["<client id>", "0oaDocsTestClient001"],
  ["<kid>", "docs-test-kid"],
];

/** The blocks that configure a stack: they mention `config` and neither deploy nor install. */
function configBlocks(readme: string): string[] {
  return shellBlocks(readme)
    .map((block) => block.replaceAll("npm run pulumi -- ", "pulumi "))
    .filter((block) => /\bpulumi config (set|rm)\b/.test(block))
    .map((block) =>
      block
        .split("\n")
        .filter((line) => !/^pulumi (up|preview|destroy|refresh)\b|^npm /.test(line))
        .join("\n"),
    )
    .map((block) => PLACEHOLDERS.reduce((text, [from, to]) => text.replaceAll(from, to), block));
}

function projectFile(name: string): string {
  return name === rootProjectExample() ? path.join(REPO_ROOT, "Pulumi.yaml") : path.join(EXAMPLES_DIR, name, "Pulumi.yaml");
}

describe.each(listExamples())("the %s README's config commands", (name) => {
  let ws: ShellWorkspace;
  const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const blocks = configBlocks(fs.readFileSync(path.join(EXAMPLES_DIR, name, "README.md"), "utf8"));
  beforeAll(() => {
    ws = shellWorkspace(`readme-config-${name}-`);
    fs.copyFileSync(projectFile(name), path.join(ws.dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(ws.dir, "private-key.pem"), pem, { mode: 0o600 });
    if (!blocks.some((block) => /pulumi stack init/.test(block))) expect(ws.run("pulumi stack init dev --non-interactive").status).toBe(0);
  }, 120_000);
  afterAll(() => ws?.cleanup());

  it("has config commands to run", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it("runs every block to the end with exit code 0, against the project's own Pulumi.yaml", () => {
    for (const block of blocks) {
      const r = ws.run(block);
      if (r.status !== 0) throw new Error(`block failed (${r.status}):\n${block}\n--- stderr ---\n${r.stderr}`);
    }
    const config = JSON.parse(ws.run("pulumi config --json --show-secrets").stdout) as Record<string, { value?: string; secret?: boolean }>;
    expect(Object.keys(config).length).toBeGreaterThan(0);
    if (config["okta:apiToken"]) expect(config["okta:apiToken"]).toMatchObject({ secret: true, value: "00-docs-test-token" });
    if (config["okta:privateKey"]) expect(config["okta:privateKey"]).toMatchObject({ secret: true, value: pem.trimEnd() });
  }, 240_000);
});

it("the documented private-key form works where the quoted one fails: a PEM starts with '-', which the CLI reads as a flag", () => {
  const ws = shellWorkspace("readme-config-pem-");
  try {
    fs.writeFileSync(path.join(ws.dir, "Pulumi.yaml"), "name: pemcheck\nruntime: nodejs\n");
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    fs.writeFileSync(path.join(ws.dir, "private-key.pem"), pem);
    expect(ws.run("pulumi stack init dev --non-interactive").status).toBe(0);
    const quoted = ws.run('pulumi config set --secret okta:privateKey "$(cat private-key.pem)"');
    expect(quoted.status).not.toBe(0);
    expect(quoted.stderr).toContain("bad flag syntax");
    expect(ws.run("cat private-key.pem | pulumi config set --secret okta:privateKey").status).toBe(0);
    expect(ws.run("pulumi config get okta:privateKey").stdout.trimEnd()).toBe(pem.trimEnd());
  } finally {
    ws.cleanup();
  }
}, 120_000);
