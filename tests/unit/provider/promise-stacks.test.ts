// A binding registers without formatting a stack per promise, keeps the program's stack limit, and still points errors at the program.
import * as pulumi from "@pulumi/pulumi";
import { GroupTargetBinding } from "../../../provider/group-target-binding";
import { PROMISE_LEAK_DEBUG_VARIABLE, pausePromiseStacks, withCallerStack } from "../../../provider/promise-stacks";

const ARGS = { userId: "00u1a2b3c4d5e6f7g8h9", roleType: "HELP_DESK_ADMIN", groupIds: ["00g1a2b3c4d5e6f7g8h9"] };

beforeAll(() => {
  void pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs },
    "project",
    "stack",
    true,
  );
});

/** Resolves once the mocked engine has answered the binding's registration. */
const registered = (b: pulumi.Resource): Promise<unknown> => new Promise((resolve) => b.urn.apply(resolve));

/** Counts the stacks V8 formats with at least one frame while `run` runs. */
function framedStacksDuring(run: () => void): number {
  const original = Error.prepareStackTrace;
  let framed = 0;
  Error.prepareStackTrace = (err, frames) => {
    if (frames.length > 0) framed++;
    return original ? original(err, frames) : `${err}\n${frames.map((f) => `    at ${f}`).join("\n")}`;
  };
  try {
    run();
  } finally {
    Error.prepareStackTrace = original;
  }
  return framed;
}

function withEnv(name: string, value: string | undefined, run: () => void): void {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    run();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

describe("pausePromiseStacks", () => {
  it("records no frames until resumed, then puts back the limit the program had, once", () => {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 23;
    try {
      const resume = pausePromiseStacks({});
      expect(Error.stackTraceLimit).toBe(0);
      expect(new Error("x").stack).not.toMatch(/\n\s+at /);
      resume();
      expect(Error.stackTraceLimit).toBe(23);
      Error.stackTraceLimit = 5;
      resume();
      expect(Error.stackTraceLimit).toBe(5);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it(`leaves stacks alone when ${PROMISE_LEAK_DEBUG_VARIABLE} is set, so Pulumi's leak report can say where each promise came from`, () => {
    const before = Error.stackTraceLimit;
    const resume = pausePromiseStacks({ [PROMISE_LEAK_DEBUG_VARIABLE]: "1" });
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error("x").stack).toMatch(/\n\s+at /);
    resume();
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("gives an error made while paused the stack of the constructor's caller, and leaves an error with frames as it is", () => {
    const resume = pausePromiseStacks({});
    const bare = new Error("made while paused");
    resume();
    const framed = new Error("made with frames");
    const framedStack = framed.stack;
    function Maker(err: unknown): unknown {
      return withCallerStack(err, Maker);
    }
    expect(Maker(bare)).toBe(bare);
    expect(bare.stack).toMatch(/made while paused\n\s+at .*promise-stacks\.test\.ts/);
    expect(bare.stack).not.toMatch(/Maker/);
    expect(Maker(framed)).toBe(framed);
    expect(framed.stack).toBe(framedStack);
    expect(Maker("not an error")).toBe("not an error");
  });
});

describe("a binding's registration", () => {
  it("formats one framed stack (Pulumi's source position of the resource), not four per property", async () => {
    let binding: GroupTargetBinding | undefined;
    withEnv(PROMISE_LEAK_DEBUG_VARIABLE, undefined, () => {
      expect(framedStacksDuring(() => (binding = new GroupTargetBinding("paused", ARGS)))).toBe(1);
    });
    await registered(binding as GroupTargetBinding);
  });

  it(`formats a stack per promise when ${PROMISE_LEAK_DEBUG_VARIABLE} is set, as Pulumi does for any resource`, async () => {
    let binding: GroupTargetBinding | undefined;
    withEnv(PROMISE_LEAK_DEBUG_VARIABLE, "1", () => {
      expect(framedStacksDuring(() => (binding = new GroupTargetBinding("debugging", ARGS)))).toBeGreaterThan(4 * 15);
    });
    await registered(binding as GroupTargetBinding);
  });

  it("keeps the program's Error.stackTraceLimit, whether the constructor returns or throws", async () => {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 31;
    try {
      const kept = new GroupTargetBinding("kept", ARGS);
      expect(Error.stackTraceLimit).toBe(31);
      expect(() => new GroupTargetBinding("", ARGS)).toThrow(/Missing resource name/);
      expect(Error.stackTraceLimit).toBe(31);
      await registered(kept);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it("points an error thrown while registering at the program line that declared the binding", () => {
    let thrown: unknown;
    try {
      new GroupTargetBinding("", ARGS);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/Missing resource name/);
    const firstFrame = (thrown as Error).stack?.split("\n").find((l) => /^\s+at /.test(l));
    expect(firstFrame).toMatch(/promise-stacks\.test\.ts/);
  });
});
