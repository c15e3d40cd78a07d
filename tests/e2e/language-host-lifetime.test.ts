// Proves the Node.js language host and the program it runs exit within
// seconds when the CLI that started them dies: killed with -9 mid-update, or
// killed by a closed stdout as in `pulumi preview | head -1`.
import * as fs from "node:fs";
import * as path from "node:path";
import { ChildProcess } from "node:child_process";
import { CliProject, createCliProject } from "./cli-project";
import { commandLine, liveState, waitUntilGone } from "./proc-state";

jest.setTimeout(300_000);

/** How soon after the CLI dies the host and the program must be gone. */
const EXIT_DEADLINE_MS = 10_000;

// Registers a dynamic resource (so the engine also starts its provider),
// records its pid and its parent's (the language host), then runs forever,
// printing so that a closed CLI stdout is noticed.
const foreverProgram = `
const fs = require("node:fs");
const pulumi = require("@pulumi/pulumi");
const provider = { async create(inputs) { return { id: "t-1", outs: inputs }; } };
class Thing extends pulumi.dynamic.Resource { constructor(name, args) { super(provider, name, args); } }
new Thing("thing", { value: "v" });
const file = process.env.LH_PIDS_FILE;
fs.writeFileSync(file + ".tmp", JSON.stringify({ program: process.pid, host: process.ppid }));
fs.renameSync(file + ".tmp", file);
setInterval(() => console.log("still running"), 100);
`;

interface Pids {
  program: number;
  host: number;
}

/** Resolves with the pids once the program has written them (watching the folder, bounded). */
function waitForPids(file: string, cli: ChildProcess, timeoutMs = 180_000): Promise<Pids> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file));
    const done = (err?: Error, pids?: Pids) => {
      watcher.close();
      clearTimeout(timer);
      cli.off("exit", onExit);
      if (err) reject(err);
      else resolve(pids as Pids);
    };
    const check = () => {
      if (fs.existsSync(file)) done(undefined, JSON.parse(fs.readFileSync(file, "utf8")) as Pids);
    };
    const onExit = (code: number | null) => done(new Error(`the CLI exited (${code}) before the program started`));
    const timer = setTimeout(() => done(new Error(`no pid file after ${timeoutMs} ms`)), timeoutMs);
    watcher.on("change", check);
    cli.on("exit", onExit);
    check();
  });
}

const onLinux = process.platform === "linux" ? describe : describe.skip;

onLinux("the language host when the CLI dies", () => {
  let p: CliProject;
  const leftovers: number[] = [];
  beforeAll(async () => {
    p = await createCliProject({ project: "lh-lifetime", files: { "index.js": foreverProgram } });
  });
  afterEach(() => {
    // Never leave a failed run's processes behind.
    for (const pid of leftovers.splice(0)) {
      if (liveState(pid) !== undefined) process.kill(pid, "SIGKILL");
    }
  });
  afterAll(() => p?.cleanup());

  async function startAndWait(args: string[], name: string): Promise<{ cli: ChildProcess; pids: Pids }> {
    const pidsFile = path.join(p.dir, `${name}.pids.json`);
    const cli = p.start(args, { LH_PIDS_FILE: pidsFile });
    cli.stderr?.resume();
    const exited = new Promise((resolve) => cli.once("exit", resolve));
    const pids = await waitForPids(pidsFile, cli).catch(async (err: Error) => {
      cli.kill("SIGKILL");
      await exited;
      throw err;
    });
    leftovers.push(pids.program, pids.host);
    expect(commandLine(pids.host)).toContain("pulumi-language-nodejs");
    expect(liveState(pids.program)).toBeDefined();
    return { cli, pids };
  }

  it("stops the host and the program within 10 s of `kill -9` on the CLI mid-update", async () => {
    const { cli, pids } = await startAndWait(["up", "--yes", "--skip-preview"], "kill9");
    cli.stdout?.resume();
    const exited = new Promise((resolve) => cli.once("exit", resolve));
    process.kill(cli.pid as number, "SIGKILL");
    await exited;
    const tookMs = await waitUntilGone([pids.host, pids.program], EXIT_DEADLINE_MS);
    expect(tookMs).toBeLessThan(EXIT_DEADLINE_MS);
    // The update was cut off, so the stack stays locked until `pulumi cancel`.
    expect((await p.run(["cancel", "--yes"])).code).toBe(0);
  });

  it("stops the host and the program within 10 s once the CLI dies of a closed stdout, as in `pulumi preview | head -1`", async () => {
    const { cli, pids } = await startAndWait(["preview"], "pipe");
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.once("exit", (_code, signal) => resolve(signal)));
    cli.stdout?.destroy();
    expect(await exited).toBe("SIGPIPE");
    const tookMs = await waitUntilGone([pids.host, pids.program], EXIT_DEADLINE_MS);
    expect(tookMs).toBeLessThan(EXIT_DEADLINE_MS);
  });
});
