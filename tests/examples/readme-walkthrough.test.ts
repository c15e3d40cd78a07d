// The README's "Use it in your own program" and emulator commands, run as written on the packed tarball, the real engine and the emulator.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { section, shellBlocks, shellWorkspace, type ShellWorkspace } from "./shell-commands";
import { REPO_ROOT } from "./typecheck-program";

const README = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const WALKTHROUGH = section(README, "Use it in your own program");
const EMULATOR = section(README, "The Okta emulator");
const MISSING_FASTIFY = "The emulator needs fastify 5: npm install --save-dev fastify@5";

/** README commands, with the package name swapped for the packed tarball (it is not on the registry). */
function local(command: string): string {
  const tarball = process.env.OKTA_RT_TARBALL;
  if (!tarball) throw new Error("OKTA_RT_TARBALL is not set: run the tests through jest");
  return command
    .replace(/^npm install /, "npm install --no-audit --no-fund --prefer-offline ")
    .replace(/(-p |install (?:--\S+ )*)pulumi-okta-role-targets\b(?!-)/, `$1${tarball}`);
}

/** The one line of a README block that starts with `prefix`. */
function line(block: string | undefined, prefix: string): string {
  const found = (block ?? "").split("\n").filter((l) => l.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one line starting with "${prefix}" in:\n${block}`);
  return (found[0] as string).replace(/\s+#.*$/, "");
}

/** A long-running command, in its own process group so the whole tree stops together. */
interface Server {
  child: ChildProcess;
  url: Promise<string>;
  stop(): Promise<void>;
}

function startServer(ws: ShellWorkspace, command: string): Server {
  const child = spawn("bash", ["-c", `exec ${command}`], { cwd: ws.dir, env: ws.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^OKTA_EMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    void exited.then(() => reject(new Error(`exited before printing OKTA_EMULATOR_URL; stdout: ${out}; stderr: ${err}`)));
  });
  url.catch(() => undefined);
  return {
    child,
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}

describe("the README walkthrough, on a fresh program", () => {
  const blocks = shellBlocks(WALKTHROUGH);
  const [project, emulatorCommand, configBlock, orgBlock, applyBlock] = blocks;
  let ws: ShellWorkspace;
  let emulator: Server | undefined;
  let installOutput = "";
  beforeAll(() => {
    ws = shellWorkspace("readme-walkthrough-");
  });
  afterAll(async () => {
    await emulator?.stop();
    ws?.cleanup();
  });

  it("has the five command blocks it describes", () => {
    expect(blocks).toHaveLength(5);
  });

  it("installs the package with no web framework and no EBADENGINE warning", () => {
    expect(ws.run(line(project, "npm init")).status).toBe(0);
    const r = ws.run(`${local(line(project, "npm install pulumi-okta-role-targets"))} 2>&1`);
    installOutput = r.stdout;
    expect(r.status).toBe(0);
    expect(installOutput).not.toContain("EBADENGINE");
    for (const framework of ["fastify", "express", "koa", "@hapi/hapi", "light-my-request"]) {
      expect(fs.existsSync(path.join(ws.dir, "node_modules", framework))).toBe(false);
    }
  }, 240_000);

  it("imports the package root and the emulator entry without fastify, and the emulator command says how to get it", () => {
    const imports = ws.run(`node -e 'require("pulumi-okta-role-targets"); require("pulumi-okta-role-targets/emulator"); console.log("ok")'`);
    expect(imports.stdout.trim()).toBe("ok");
    const cli = ws.run(`${line(shellBlocks(EMULATOR)[0], "npx pulumi-okta-role-targets-emulator")} || echo "exit=$?"`);
    expect(cli.stdout).toContain("exit=1");
    expect(cli.stderr).toContain(MISSING_FASTIFY);
  }, 60_000);

  it("adds the dev dependencies and writes Pulumi.yaml as step 1 says; the only engine warning is the documented cookie@2 one", () => {
    const r = ws.run(`${local(line(project, "npm install --save-dev"))} 2>&1 && ${line(project, "printf")}`);
    expect(r.status).toBe(0);
    const warned = [...r.stdout.matchAll(/EBADENGINE\s+package: '([^']+)'/g)].map((m) => m[1]);
    expect(warned.filter((p) => !p?.startsWith("cookie@2."))).toEqual([]);
    expect(fs.existsSync(path.join(ws.dir, "Pulumi.yaml"))).toBe(true);
  }, 240_000);

  it("starts the emulator with the README's command; it prints OKTA_EMULATOR_URL", async () => {
    fs.writeFileSync(path.join(ws.dir, "index.ts"), /```ts\n([\s\S]*?)```/.exec(WALKTHROUGH)?.[1]?.replace(/^ {3}/gm, "") ?? "");
    emulator = startServer(ws, line(emulatorCommand, "npx pulumi-okta-role-targets-emulator"));
    expect(await emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  }, 60_000);

  it("configures the stack, previews, applies, reads the outputs, and the drift check exits 0", async () => {
    const url = await (emulator as Server).url;
    const config = ws.run((configBlock ?? "").replaceAll("http://127.0.0.1:<port>", url));
    if (config.status !== 0) throw new Error(`config block failed: ${config.stderr}`);
    const [preview, up, output, drift] = (applyBlock ?? "").split("\n").filter((l) => l.startsWith("pulumi ")).map((l) => l.replace(/\s+#.*$/, ""));
    const previewed = ws.run(preview as string);
    expect(previewed.status).toBe(0);
    expect(previewed.stdout).toMatch(/\+ +pulumi-nodejs:dynamic\/okta-role-targets:GroupTargetBinding +helpdesk-regions +create/);
    expect(ws.run(up as string).status).toBe(0);
    expect(JSON.parse(ws.run(`${output} --json`).stdout)).toEqual(["Sales EMEA", "Sales APAC"]);
    expect(ws.run(drift as string).status).toBe(0);
  }, 300_000);

  it("exits 7 from the same drift check once someone adds a target by hand", async () => {
    const url = await (emulator as Server).url;
    const roleId = JSON.parse(ws.run("pulumi stack output roleAssignmentId --json").stdout) as string;
    const added = await fetch(`${url}/api/v1/users/00uDemoAlice00000001/roles/${encodeURIComponent(roleId)}/targets/groups/00gDemoSupport000005`, {
      method: "PUT",
      headers: { authorization: "SSWS emulator-token" },
    });
    expect(added.status).toBeLessThan(300);
    const drift = (applyBlock ?? "").split("\n").find((l) => l.includes("--expect-no-changes"))?.replace(/\s+#.*$/, "");
    const r = ws.run(`${drift} || exit $?`);
    expect(r.status).toBe(7);
    expect(r.stdout).toContain("00gDemoSupport000005");
  }, 300_000);

  it("switches the stack to a real org's keys with the README's second config block", () => {
    const r = ws.run((orgBlock ?? "").replace("<token>", "00-docs-test-token"));
    expect(r.status).toBe(0);
    const config = JSON.parse(ws.run("pulumi config --json --show-secrets").stdout) as Record<string, { value?: string; secret?: boolean }>;
    expect(config["okta:orgUrl"]).toBeUndefined();
    expect(config).toMatchObject({ "okta:orgName": { value: "dev-123456" }, "okta:baseUrl": { value: "okta.com" }, "okta:apiToken": { secret: true } });
  }, 120_000);

  it("runs the README's startEmulator snippet, and the emulator it starts answers API calls", () => {
    const snippet = /```ts\n([\s\S]*?)```/.exec(EMULATOR)?.[1] ?? "";
    const script = snippet
      .replace(/^import \{([^}]+)\} from "([^"]+)";$/m, "const {$1} = require(\"$2\");")
      .replace("await okta.close();", 'const r = await fetch(`${okta.url}/api/v1/users`, { headers: { authorization: `SSWS ${okta.apiToken}` } });\nconsole.log(`status=${r.status}`);\nawait okta.close();');
    fs.writeFileSync(path.join(ws.dir, "start-emulator.js"), `(async () => {\n${script}\n})().catch((e) => { console.error(e); process.exit(1); });\n`);
    const r = ws.run("node start-emulator.js");
    expect({ status: r.status, stdout: r.stdout.trim() }).toEqual({ status: 0, stdout: "status=200" });
  }, 60_000);
});

describe("the README's npx form, with nothing installed in the folder", () => {
  let ws: ShellWorkspace;
  let server: Server | undefined;
  beforeAll(() => {
    ws = shellWorkspace("readme-npx-");
  });
  afterAll(async () => {
    await server?.stop();
    ws?.cleanup();
  });

  it("fetches the package and fastify 5 and prints OKTA_EMULATOR_URL", async () => {
    const command = shellBlocks(EMULATOR).map((b) => b.trim()).find((b) => b.startsWith("npx -p "));
    expect(command).toBeDefined();
    server = startServer(ws, local(command as string).replace(/^npx /, "npx --yes "));
    const url = await server.url;
    const r = await fetch(`${url}/api/v1/groups`, { headers: { authorization: "SSWS emulator-token" } });
    expect(r.status).toBe(200);
  }, 240_000);
});
