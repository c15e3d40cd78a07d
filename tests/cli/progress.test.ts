// The built command shows a live progress line with counts and an ETA in a pseudo-terminal, and plain lines when stderr is not one.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { generateOrgSeed } from "../../emulator/seed/generate-org";

const MAIN = resolve(__dirname, "../../dist/cli/main.js");

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: generateOrgSeed({ users: 400, groups: 300, userAdmins: 60, groupAdmins: 10, clientAdmins: 5, serviceApps: 6, apps: 4 }), rateLimit: { limit: 100000, windowSeconds: 60 } });
});
afterAll(() => emulator.close());

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { PATH: process.env.PATH ?? "", OKTA_ORG_URL: emulator.url, OKTA_API_TOKEN: emulator.apiToken, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("progress display", () => {
  it("redraws one line with counts, API calls and an ETA in a pseudo-terminal (script -qfc)", async () => {
    // script(1) gives the command a terminal; its own output is the terminal's, stdout and stderr together.
    const result = await run("script", ["-qfec", `node ${MAIN} audit --complete --json > /dev/null`, "/dev/null"], {});
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("\r\x1b[K");
    expect(result.stdout).toMatch(/reading groups' roles: \d+\/300 \(\d+%\) · \d+ API calls( · ETA \d+s)?/);
    expect(result.stdout).toMatch(/\d+ role assignments \(\d+ targetable, \d+ unscoped\) in \d+ API calls\r?\n/);
  });

  it("prints plain start and end lines for each phase when stderr is not a terminal", async () => {
    const result = await run("node", [MAIN, "audit", "--complete", "--json"], {});
    expect(result.code).toBe(3);
    expect(result.stderr).not.toMatch(/[\r\x1b]/);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toContain("reading groups' roles (300)…");
    expect(lines.some((l) => /^reading targets: 75 done in \d+s \(\d+ API calls so far\)$/.test(l))).toBe(true);
    expect(lines.length).toBeLessThan(20);
    expect(JSON.parse(result.stdout).summary.targetable).toBe(75);
  });

  it("prints plain lines in CI even on a terminal", async () => {
    const result = await run("script", ["-qfec", `node ${MAIN} audit --json > /dev/null`, "/dev/null"], { CI: "true" });
    expect(result.stdout).not.toContain("\x1b[K");
    expect(result.stdout).toMatch(/reading users' roles \(\d+\)…/);
  });
});

describe("the installed package", () => {
  it("puts the pulumi-okta-role-targets command on the path of a program that installs the tarball", async () => {
    const base = process.env.OKTA_RT_E2E_BASE;
    if (!base) throw new Error("OKTA_RT_E2E_BASE is not set: run the tests through jest");
    const result = await run(resolve(base, "node_modules/.bin/pulumi-okta-role-targets"), ["audit", "--help"], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pulumi-okta-role-targets audit \[options\]/);
  });
});
