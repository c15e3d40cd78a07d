// The CI recipes parse, preview PRs with a comment, keep secrets in env, agree on WORK_DIR, and the drift check handles exit code 7.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXAMPLES_DIR } from "./examples-list";
import { loadWorkflow, secretReferences, WorkflowStep } from "./workflow-file";

const FILES = ["preview-on-pr.yml", "drift-check.yml"];

describe.each(FILES)("%s", (file) => {
  it("parses as YAML without errors or warnings and declares jobs", () => {
    const wf = loadWorkflow(file);
    expect(wf.steps.length).toBeGreaterThan(0);
  });

  it("passes every secret through a step's env, never into a script or an action input", () => {
    const refs = secretReferences(loadWorkflow(file).doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.path).toContain("env");
  });

  it("expands no ${{ }} expression inside a run script (no script injection, no echoed secret)", () => {
    for (const step of loadWorkflow(file).steps) expect(step.run ?? "").not.toContain("${{");
  });
});

describe("preview-on-pr.yml", () => {
  const wf = loadWorkflow("preview-on-pr.yml");

  it("runs on pull requests", () => {
    expect(Object.keys(wf.doc.on as object)).toContain("pull_request");
  });

  it("runs pulumi preview --diff with pulumi/actions and comments on the PR", () => {
    const step = wf.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(step?.with).toMatchObject({ command: "preview", diff: true, "comment-on-pr": true });
  });

  it("gives the preview the Okta API token from GitHub secrets", () => {
    const step = wf.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(step?.env?.OKTA_API_TOKEN).toBe("${{ secrets.OKTA_API_TOKEN }}");
  });
});

describe("drift-check.yml", () => {
  const wf = loadWorkflow("drift-check.yml");
  const drift = wf.steps.find((s) => s.id === "drift") as WorkflowStep;

  it("runs on a cron schedule", () => {
    const schedule = (wf.doc.on as { schedule?: { cron: string }[] }).schedule ?? [];
    expect(schedule[0]?.cron.trim().split(/\s+/)).toHaveLength(5);
  });

  it("runs pulumi preview with --refresh, --run-program (current credentials), --expect-no-changes and --diff", () => {
    expect(drift.run).toMatch(/pulumi preview [^\n]*--refresh/);
    expect(drift.run).toMatch(/pulumi preview [^\n]*--run-program/);
    expect(drift.run).toMatch(/pulumi preview [^\n]*--expect-no-changes/);
    expect(drift.run).toMatch(/pulumi preview [^\n]*--diff/);
  });

  it("opens or updates an issue only when the drift step saw exit code 7", () => {
    const issue = wf.steps.find((s) => s.run?.includes("gh issue create"));
    expect(issue?.if).toMatch(/steps\.drift\.outputs\.exit-code == '7'/);
  });

  describe("its script, run with a stand-in pulumi that exits with a chosen code", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "drift-check-"));
      fs.writeFileSync(path.join(dir, "pulumi"), '#!/bin/sh\necho "$@" > "$ARGS_FILE"\nexit "$STUB_EXIT"\n', { mode: 0o755 });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    function runWith(exitCode: number) {
      const output = path.join(dir, `output-${exitCode}`);
      const argsFile = path.join(dir, `args-${exitCode}`);
      fs.writeFileSync(output, "");
      const r = spawnSync("bash", ["-e", "-c", drift.run ?? ""], {
        encoding: "utf8",
        env: { PATH: `${dir}${path.delimiter}${process.env.PATH}`, STUB_EXIT: String(exitCode), ARGS_FILE: argsFile, GITHUB_OUTPUT: output, PULUMI_STACK: "acme/okta-roles/prod" },
      });
      return { status: r.status, stdout: r.stdout, output: fs.readFileSync(output, "utf8"), args: fs.readFileSync(argsFile, "utf8") };
    }

    it("fails with exit code 7 on drift, says how to remediate, and records the code for the issue step", () => {
      const r = runWith(7);
      expect(r.status).toBe(7);
      expect(r.stdout).toMatch(/::error title=Okta role targets drifted::/);
      expect(r.stdout).toContain("pulumi up --refresh");
      expect(r.stdout).toContain("revert it in the Okta Admin Console");
      expect(r.output).toContain("exit-code=7");
    });

    it("passes when pulumi reports no changes", () => {
      const r = runWith(0);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("No drift");
      expect(r.args).toMatch(/^preview --stack acme\/okta-roles\/prod .*--expect-no-changes/);
    });

    it("fails on any other exit code without calling it drift", () => {
      const r = runWith(1);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/::error title=Drift check could not run::.*not drift/);
      expect(r.output).toContain("exit-code=1");
    });
  });
});

describe("WORK_DIR and the pull-request paths filter", () => {
  it.each(FILES)("%s sets WORK_DIR once, at the top level, and every step uses it through env", (file) => {
    const wf = loadWorkflow(file);
    expect(typeof (wf.doc.env as Record<string, unknown>).WORK_DIR).toBe("string");
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "ci", file), "utf8");
    expect(text.match(/^\s*WORK_DIR:/gm)).toHaveLength(1);
    const workDir = (wf.doc.env as { WORK_DIR: string }).WORK_DIR;
    const literal = wf.steps.filter((s) => JSON.stringify(s).includes(workDir));
    expect(literal).toEqual([]);
  });

  it("preview-on-pr.yml runs for changes under WORK_DIR, and only there: its paths filter is WORK_DIR/**", () => {
    const wf = loadWorkflow("preview-on-pr.yml");
    const workDir = (wf.doc.env as { WORK_DIR: string }).WORK_DIR;
    const paths = (wf.doc.on as { pull_request: { paths: string[] } }).pull_request.paths;
    expect(paths).toEqual([`${workDir}/**`]);
  });
});
