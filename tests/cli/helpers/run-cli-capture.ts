// Runs the command line in-process against an emulator and captures its output and exit code.
import { runCli } from "../../../cli/run-cli";
import type { RunningEmulator } from "../../../emulator";

/** What one run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` with the emulator's URL and token in the environment (plus `env`). */
export async function runAgainst(emulator: RunningEmulator, argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { OKTA_ORG_URL: emulator.url, OKTA_API_TOKEN: emulator.apiToken, ...env },
    stderrIsTty: false,
    now: Date.now,
  });
  return { code, stdout, stderr };
}
