// Keeps an expected failure to the one error line the engine shows under the binding.
/**
 * The dynamic-provider host prints every error a method throws, with its stack,
 * to stderr, which the engine shows under the Stack, besides its own error line
 * under the resource. For failures this package expects (Okta's refusals, bad
 * config, refused plans) that second copy is noise, so it is dropped; bugs
 * (TypeError and the like) keep their stack trace.
 */
export function quietExpectedErrors<T extends object>(target: T, host: Pick<Console, "error"> = console): T {
  const expected = new Set<string>();
  const original = host.error.bind(host);
  host.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string" && expected.delete(args[0])) return;
    original(...args);
  };
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        } catch (err) {
          if (isExpected(err)) expected.add(`${err}: ${err.stack}`);
          throw err;
        }
      };
    },
  });
}

function isExpected(err: unknown): err is Error {
  return (
    err instanceof Error &&
    !(err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError)
  );
}
