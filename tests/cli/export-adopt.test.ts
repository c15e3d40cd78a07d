// The export contract on the real engine with the packed tarball: the first `pulumi up` makes zero writes, and the next drift check exits 0.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import { DEMO_ORG_SEED_PATH, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { generateOrgSeed } from "../../emulator/seed/generate-org";
import { createProgram } from "../helpers/pulumi-program";
import { AUDIT_SEED } from "./helpers/audit-seed";
import { runAgainst } from "./helpers/run-cli-capture";

jest.setTimeout(600_000);

const writes = (e: RunningEmulator) => e.requests().filter((r) => r.method !== "GET" && !(r.method === "POST" && r.path === "/oauth2/v1/token"));

// The test programs run as JS; the exported index.ts is compiled with this repo's TypeScript.
function compiled(dir: string): string {
  return ts.transpileModule(readFileSync(join(dir, "index.ts"), "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
}

describe.each<[string, EmulatorOptions, string[], number]>([
  ["the seeded org, additive", { seed: AUDIT_SEED }, ["--complete"], 7],
  ["the demo org, authoritative", { seed: DEMO_ORG_SEED_PATH }, ["--complete", "--mode", "authoritative"], 2],
  [
    "the generated large org (5000 users, 2000 groups, 300 delegated admins, 50 service apps)",
    { seed: generateOrgSeed(), rateLimit: { limit: 100000, windowSeconds: 60 } },
    ["--complete"],
    0,
  ],
])("exporting %s", (_label, options, flags, expectedBindings) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(() => emulator.close());

  it("then pulumi up writes nothing to Okta, and preview --refresh --expect-no-changes passes", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "okta-export-e2e-")), "program");
    const exported = await runAgainst(emulator, ["export", "--out", dir, "--quiet", ...flags]);
    expect(exported.code).toBe(0);
    const bindings = (readFileSync(join(dir, "index.ts"), "utf8").match(/^new \w+\(/gm) ?? []).length;
    if (expectedBindings > 0) expect(bindings).toBe(expectedBindings);
    else expect(bindings).toBeGreaterThan(250);
    const before = emulator.state();
    const program = await createProgram({
      project: "export-adopt",
      program: compiled(dir),
      config: { "okta:orgUrl": { value: emulator.url }, "okta:apiToken": { value: emulator.apiToken, secret: true } },
    });
    try {
      emulator.clearRequests();
      const up = await program.up();
      expect(up.summary.resourceChanges).toEqual({ create: bindings + 1 });
      expect(writes(emulator)).toEqual([]);
      expect(emulator.state()).toEqual(before);
      await expect(program.preview({ refresh: true, expectNoChanges: true })).resolves.toBeDefined();
      expect(writes(emulator)).toEqual([]);
    } finally {
      await program.cleanup();
    }
  });
});
