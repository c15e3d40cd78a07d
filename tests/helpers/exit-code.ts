// The pulumi CLI's exit code behind an Automation API failure.
import { CommandError } from "@pulumi/pulumi/automation";

/** The CLI's exit code. The Automation API re-wraps a failed run as code -2 around execa's error. */
export function exitCodeOf(err: unknown): number | undefined {
  const cause = (err as { cause?: unknown }).cause;
  if (!(cause instanceof CommandError)) return undefined;
  const result = (cause as unknown as { commandResult: { code: number; err?: { exitCode?: number } } }).commandResult;
  return result.code === -2 ? result.err?.exitCode : result.code;
}
