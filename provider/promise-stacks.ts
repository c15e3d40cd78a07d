// Lets a binding register without the stack trace Pulumi records for each of its promises.

/**
 * The variable that turns on Pulumi's promise-leak report. That report is the
 * only reader of the stacks Pulumi records for each promise, so with it set,
 * stacks are recorded as usual.
 */
export const PROMISE_LEAK_DEBUG_VARIABLE = "PULUMI_DEBUG_PROMISE_LEAKS";

/**
 * Sets `Error.stackTraceLimit` to 0 until the returned function is called,
 * which puts back the limit the program had (calling it again does nothing).
 *
 * Pulumi's Node.js SDK takes `new Error().stack` for every promise it makes
 * while a resource registers: four per property. Formatting each stack through
 * Pulumi's source-map support is most of what a resource costs the program: a
 * binding has 18 properties, and a preview of 200 unchanged bindings spent 2.7 s
 * of the program's 8.5 s of CPU there. The SDK's own source position of the
 * resource is unaffected: it lifts the limit while it takes it.
 */
export function pausePromiseStacks(env: NodeJS.ProcessEnv = process.env): () => void {
  if (env[PROMISE_LEAK_DEBUG_VARIABLE]) return () => undefined;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    Error.stackTraceLimit = limit;
  };
}

/**
 * An error created while stacks were paused has no frames: give it the stack of
 * the code that called `constructor` (the program's `new GroupTargetBinding(…)`),
 * so the person reading it sees which line of their program failed.
 */
export function withCallerStack(err: unknown, constructor: Function): unknown {
  if (err instanceof Error && !/\n\s+at /.test(err.stack ?? "")) Error.captureStackTrace(err, constructor);
  return err;
}
