// Proves on the real engine that the Node.js language host honours the
// runtime options and flags a program is started with: `nodeargs` (with
// Pulumi's out-of-memory hint) and `--attach-debugger`.
import { createCliProject, CliProject } from "./cli-project";
import { commandLine, liveState, waitUntilGone } from "./proc-state";

jest.setTimeout(300_000);

describe("the Node.js language host's runtime options", () => {
  const projects: CliProject[] = [];
  afterAll(() => projects.forEach((p) => p.cleanup()));

  it("passes `nodeargs` to node and, when the program runs out of memory, adds Pulumi's hint to raise --max-old-space-size", async () => {
    const p = await createCliProject({
      project: "lh-oom",
      files: {
        "Pulumi.yaml": "name: lh-oom\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n    nodeargs: --max-old-space-size=64\n",
        "index.js": 'require("@pulumi/pulumi");\nconst hog = [];\nfor (;;) hog.push(new Array(1e5).fill({ n: hog.length }));\n',
      },
    });
    projects.push(p);
    const up = await p.run(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.stdout).toContain(
      "Program exited with non-zero exit code: -1. Detected a possible out of memory error. " +
        "Consider increasing the memory available to the nodejs process by setting the `nodeargs` runtime option",
    );
  });

  const onLinux = process.platform === "linux" ? it : it.skip;
  onLinux("starts the program under the inspector for `--attach-debugger`, tells the engine its pid, and stops it when the run is interrupted", async () => {
    const p = await createCliProject({ project: "lh-debug", files: { "index.js": 'require("@pulumi/pulumi");\n' } });
    projects.push(p);
    const cli = p.start(["up", "--yes", "--skip-preview", "--attach-debugger"]);
    cli.stderr?.resume();
    const exited = new Promise((resolve) => cli.once("exit", resolve));
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no debugger message in:\n${out}`)), 180_000);
        cli.once("exit", () => reject(new Error(`the CLI exited without a debugger message:\n${out}`)));
        cli.stdout?.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /Waiting for debugger to attach \(on process id (\d+)\)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
      });
      expect(commandLine(pid)).toMatch(/node --inspect-brk=\d+ .*cmd\/run/);
      expect(liveState(pid)).toBeDefined();
      cli.kill("SIGINT");
      await exited;
      await waitUntilGone([pid], 10_000);
    } finally {
      if (cli.exitCode === null && cli.signalCode === null) {
        cli.kill("SIGKILL");
        await exited;
      }
    }
  });
});
