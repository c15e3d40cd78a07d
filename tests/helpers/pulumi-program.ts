// Builds a throwaway Pulumi program on the real engine through the Automation
// API: temp file:// backend, temp PULUMI_HOME, passphrase secrets, and the
// packed tarball of this package resolvable from the program's folder.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  ConfigMap,
  DestroyResult,
  EngineEvent,
  LocalWorkspace,
  PreviewResult,
  PulumiCommand,
  RefreshResult,
  Stack,
  UpResult,
} from "@pulumi/pulumi/automation";

/** What a test program needs. */
export interface ProgramOptions {
  /** Pulumi project name. */
  project: string;
  /** The program's source, `index.js`. */
  program: string;
  /** Stack config, e.g. `{ "okta:orgUrl": { value: url } }`. */
  config?: ConfigMap;
  /** Extra environment for the engine and the program. */
  env?: Record<string, string>;
  /** Folder the program's folder sits in; defaults to the shared tarball base. */
  baseDir?: string;
}

/** A Pulumi program on a fresh stack, with the engine's output kept for failures. */
export interface TestProgram {
  readonly dir: string;
  readonly stack: Stack;
  readonly backendDir: string;
  /** Everything the engine printed so far. */
  output(): string;
  /** Every engine event so far (diagnostics carry their URN, severity and ephemeral flag). */
  events(): EngineEvent[];
  up(opts?: { refresh?: boolean; runProgram?: boolean }): Promise<UpResult>;
  preview(opts?: { refresh?: boolean; expectNoChanges?: boolean; diff?: boolean; runProgram?: boolean }): Promise<PreviewResult>;
  refresh(opts?: { runProgram?: boolean; previewOnly?: boolean }): Promise<RefreshResult>;
  destroy(opts?: { runProgram?: boolean; previewOnly?: boolean }): Promise<DestroyResult>;
  /** Rewrites index.js; the next operation runs the new program. */
  setProgram(source: string): void;
  /** Stack state as the backend stores it (JSON text). */
  stateText(): string;
  /** Removes the stack's folders. */
  cleanup(): Promise<void>;
}

/** The shared folder (set up once by jest's globalSetup) whose node_modules holds the packed tarball. */
export function e2eBaseDir(): string {
  const base = process.env.OKTA_RT_E2E_BASE;
  if (!base) throw new Error("OKTA_RT_E2E_BASE is not set: run the tests through jest (npm test)");
  return base;
}

function engineEnv(extra: Record<string, string> = {}): Record<string, string> {
  const enginePath = process.env.OKTA_RT_ENGINE_PATH;
  if (!enginePath) throw new Error("OKTA_RT_ENGINE_PATH is not set: run the tests through jest (npm test)");
  return {
    PATH: `${enginePath}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_CONFIG_PASSPHRASE: "e2e-test-passphrase",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    ...extra,
  };
}

function withOutput<T>(run: () => Promise<T>, log: string[], what: string): Promise<T> {
  return run().catch((err: unknown) => {
    const tail = log.join("").split("\n").slice(-80).join("\n");
    const message = err instanceof Error ? err.message : String(err);
    const wrapped = new Error(`pulumi ${what} failed: ${message}\n--- engine output (last 80 lines) ---\n${tail}`);
    (wrapped as Error & { cause?: unknown }).cause = err;
    throw wrapped;
  });
}

/** Creates a program folder and a stack for it on a temp file:// backend. */
export async function createProgram(opts: ProgramOptions): Promise<TestProgram> {
  const base = opts.baseDir ?? e2eBaseDir();
  const dir = fs.mkdtempSync(path.join(base, `${opts.project}-`));
  const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-state-"));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "okta-rt-home-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${opts.project}\nruntime: nodejs\n`);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: opts.project, main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), opts.program);

  const binDir = process.env.OKTA_RT_ENGINE_BIN;
  if (!binDir) throw new Error("OKTA_RT_ENGINE_BIN is not set: run the tests through jest (npm test)");
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir), skipVersionCheck: true });
  const env = engineEnv({ PULUMI_BACKEND_URL: `file://${backendDir}`, ...(opts.env ?? {}) });
  const ws = await LocalWorkspace.create({ workDir: dir, pulumiHome: home, envVars: env, pulumiCommand });
  const stack = await Stack.create("e2e", ws);
  if (opts.config) await stack.setAllConfig(opts.config);

  const log: string[] = [];
  const events: EngineEvent[] = [];
  const onOutput = (s: string) => log.push(s);
  const common = { onOutput, onEvent: (e: EngineEvent) => events.push(e), color: "never" as const };

  return {
    dir,
    stack,
    backendDir,
    output: () => log.join(""),
    events: () => [...events],
    up: (o = {}) => withOutput(() => stack.up({ ...common, ...o }), log, "up"),
    preview: (o = {}) => withOutput(() => stack.preview({ ...common, ...o }), log, "preview"),
    refresh: (o = {}) => withOutput(() => stack.refresh({ ...common, ...o }), log, "refresh"),
    destroy: (o = {}) => withOutput(() => stack.destroy({ ...common, ...o }), log, "destroy"),
    setProgram: (source) => fs.writeFileSync(path.join(dir, "index.js"), source),
    stateText: () => {
      const stacksDir = path.join(backendDir, ".pulumi", "stacks", opts.project);
      const file = fs.readdirSync(stacksDir).find((f) => f.endsWith(".json"));
      if (!file) throw new Error(`no state file in ${stacksDir}`);
      return fs.readFileSync(path.join(stacksDir, file), "utf8");
    },
    cleanup: async () => {
      for (const d of [dir, backendDir, home]) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
