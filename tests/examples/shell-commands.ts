// Finds the shell commands in a Markdown file and runs them with the pinned Pulumi CLI on a temp file:// backend.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The `sh` code blocks of a Markdown text (indentation of list items removed), in order. */
export function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^( *)```sh\n([\s\S]*?)^\1```/gm)].map((m) =>
    (m[2] ?? "")
      .split("\n")
      .map((line) => line.slice((m[1] ?? "").length))
      .join("\n"),
  );
}

/** The text of a Markdown section, from its `## title` heading to the next `## ` heading. */
export function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`no section "## ${title}"`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** A folder with a temp backend, PULUMI_HOME and passphrase, where the pinned CLI runs commands. */
export interface ShellWorkspace {
  readonly dir: string;
  readonly env: Record<string, string>;
  /** Runs a bash script in `dir`; returns its exit code and output. */
  run(script: string, input?: string): { status: number | null; stdout: string; stderr: string };
  cleanup(): void;
}

/** Makes a workspace in a new temp folder; `pulumi` on its PATH is the pinned engine. */
export function shellWorkspace(prefix: string): ShellWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = path.join(root, "project");
  for (const d of [dir, path.join(root, "state"), path.join(root, "home")]) fs.mkdirSync(d, { recursive: true });
  const enginePath = process.env.OKTA_RT_ENGINE_PATH;
  if (!enginePath) throw new Error("OKTA_RT_ENGINE_PATH is not set: run the tests through jest");
  const env: Record<string, string> = {
    PATH: `${enginePath}${path.delimiter}${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? root,
    PULUMI_BACKEND_URL: `file://${path.join(root, "state")}`,
    PULUMI_HOME: path.join(root, "home"),
    PULUMI_CONFIG_PASSPHRASE: "docs-test-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    NO_COLOR: "1",
  };
  return {
    dir,
    env,
    run: (script, input) => {
      const r = spawnSync("bash", ["-e", "-o", "pipefail", "-c", script], { cwd: dir, env, input, encoding: "utf8", timeout: 300_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
