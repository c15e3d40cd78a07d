// The CLI: one URL line on stdout, flags, loopback only, quiet by default, clean stop on signals.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiFor, expectStatus } from "./helpers/api";
import { buildCli, removeBuild, spawnCli as spawnBuilt, type CliProcess } from "./helpers/cli-process";

const running: CliProcess[] = [];
let build: string;
const spawnCli = (args: string[]): CliProcess => spawnBuilt(build, args);

beforeAll(() => {
  build = buildCli();
});

afterAll(() => {
  removeBuild(build);
});

afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill("SIGKILL");
      await cli.exited();
    }
  }
});

async function start(args: string[]): Promise<{ cli: CliProcess; url: string }> {
  const cli = spawnCli(args);
  running.push(cli);
  const line = await cli.firstLine();
  const match = /^OKTA_EMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!match?.[1]) throw new Error(`unexpected first line: ${line}`);
  return { cli, url: match[1] };
}

describe("the emulator CLI", () => {
  it("prints exactly one line, OKTA_EMULATOR_URL=http://127.0.0.1:<port>, and logs nothing by default", async () => {
    const { cli, url } = await start(["--port", "0"]);
    expectStatus(await apiFor(url)("GET", "/api/v1/groups"), 200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited()).toBe(0);
    expect(cli.stdout()).toBe(`OKTA_EMULATOR_URL=${url}\n`);
    expect(cli.stderr()).toBe("");
  });

  it.each(["SIGINT", "SIGTERM"] as const)("stops cleanly with exit code 0 on %s and frees the port", async (signal) => {
    const { cli, url } = await start([]);
    cli.child.kill(signal);
    expect(await cli.exited()).toBe(0);
    await expect(fetch(`${url}/api/v1/groups`)).rejects.toThrow();
  });

  it("accepts --api-token and refuses the default token then", async () => {
    const { url } = await start(["--api-token", "cli-token"]);
    expectStatus(await apiFor(url, "SSWS cli-token")("GET", "/api/v1/users"), 200);
    expectStatus(await apiFor(url, "SSWS emulator-token")("GET", "/api/v1/users"), 401);
  });

  it("loads the bundled demo org with --seed demo", async () => {
    const { url } = await start(["--seed", "demo"]);
    const roles = expectStatus(await apiFor(url)("GET", "/api/v1/users/00uDemoAlice00000001/roles"), 200);
    expect(roles.body.map((ra: { type: string }) => ra.type)).toEqual(["HELP_DESK_ADMIN"]);
  });

  it("loads a seed file with --seed FILE", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "emu-seed-")), "seed.json");
    writeFileSync(file, JSON.stringify({ groups: [{ id: "00gCliSeedGroup00001", profile: { name: "From file" } }] }));
    const { url } = await start(["--seed", file]);
    expect(expectStatus(await apiFor(url)("GET", "/api/v1/groups/00gCliSeedGroup00001"), 200).body.profile.name).toBe("From file");
  });

  it("applies --rate-limit and --rate-window per endpoint family", async () => {
    const { url } = await start(["--rate-limit", "2", "--rate-window", "3600"]);
    const api = apiFor(url);
    expectStatus(await api("GET", "/api/v1/groups"), 200);
    const second = expectStatus(await api("GET", "/api/v1/groups"), 200);
    expect(second.headers.get("x-rate-limit-limit")).toBe("2");
    expectStatus(await api("GET", "/api/v1/groups"), 429);
  });

  it("logs requests to stderr with --verbose, never the token, and still prints only the URL on stdout", async () => {
    const { cli, url } = await start(["--verbose", "--api-token", "very-secret-token"]);
    expectStatus(await apiFor(url, "SSWS very-secret-token")("GET", "/api/v1/groups?q=x"), 200);
    cli.child.kill("SIGTERM");
    expect(await cli.exited()).toBe(0);
    expect(cli.stderr()).toContain("/api/v1/groups?q=x");
    expect(cli.stderr()).not.toContain("very-secret-token");
    expect(cli.stdout()).toBe(`OKTA_EMULATOR_URL=${url}\n`);
  });

  it("prints usage and exits 0 with --help", async () => {
    const cli = spawnCli(["--help"]);
    running.push(cli);
    expect(await cli.exited()).toBe(0);
    expect(cli.stdout()).toContain("--rate-window S");
    expect(cli.stdout()).not.toMatch(/^OKTA_EMULATOR_URL=/m);
  });

  it.each([
    [["--port", "70000"], "--port must be a whole number from 0 to 65535"],
    [["--rate-limit", "0"], "--rate-limit must be a whole number"],
    [["--colour", "red"], "Unknown option '--colour'"],
  ])("exits 2 with a message on stderr for %j", async (args, message) => {
    const cli = spawnCli(args);
    running.push(cli);
    expect(await cli.exited()).toBe(2);
    expect(cli.stderr()).toContain(message);
    expect(cli.stdout()).toBe("");
  });

  it("exits 1 and names the problem when the seed is invalid", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "emu-seed-")), "bad.json");
    writeFileSync(file, JSON.stringify({ users: [{ profile: { login: "x@example.com" } }] }));
    const cli = spawnCli(["--seed", file]);
    running.push(cli);
    expect(await cli.exited()).toBe(1);
    expect(cli.stderr()).toContain("users[0]: Api validation failed: firstName");
  });

  it("starts with a node shebang so the bin entry runs as a command", () => {
    expect(readFileSync(join(__dirname, "..", "..", "emulator", "cli.ts"), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(readFileSync(join(build, "emulator", "cli.js"), "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });
});
