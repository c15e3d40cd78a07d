#!/usr/bin/env node
// Command-line entry: starts the emulator, prints its URL once, and stops cleanly on SIGINT/SIGTERM.
import { parseCliArgs, USAGE } from "./cli-args";
import { startEmulator } from "./start-emulator";

/** Runs the CLI with the given arguments; resolves to the exit code once it should exit. */
export async function main(argv: readonly string[]): Promise<number> {
  const request = parseCliArgs(argv);
  if (request.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (request.kind === "error") {
    process.stderr.write(`emulator: ${request.message}\n\n${USAGE}`);
    return 2;
  }
  let emulator;
  try {
    emulator = await startEmulator(request.options);
  } catch (error) {
    process.stderr.write(`emulator: cannot start: ${(error as Error).message}\n`);
    return 1;
  }
  const running = emulator;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      if (request.options.logger) process.stderr.write(`emulator: ${signal}, stopping\n`);
      running.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    // The one line on stdout that scripts wait for.
    process.stdout.write(`OKTA_EMULATOR_URL=${running.url}\n`);
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
