// The top of the peer range: a GroupTargetBinding program with the newest @pulumi/pulumi release
// that `^3.248.0` admits, installed beside the packed tarball and run on Node 22 by the pinned
// 3.248 engine against the emulator: up, a no-change preview and destroy.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { RequestLogEntry, startEmulator } from "../../emulator";
import { e2eBaseDir, createProgram, TestProgram } from "../helpers/pulumi-program";
import { NewestSdk, newestSdkForRun } from "../helpers/newest-pulumi-sdk";
import { ensureNodeRuntime, NodeRuntime } from "../helpers/node-runtime";
import { installSdkProgramBase, pathWithFirst, SdkProgramBase } from "../helpers/sdk-program-base";
import { ORG, testOrgSeed } from "../helpers/test-org";

jest.setTimeout(900_000);

/** One GroupTargetBinding, plus a dynamic resource that reports the provider process's runtime. */
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const rt = require("pulumi-okta-role-targets");
const probeProvider = {
  async create() {
    return { id: "runtime-probe", outs: { node: process.version, providerScript: process.argv[1] } };
  },
};
class RuntimeProbe extends pulumi.dynamic.Resource {
  constructor(name) { super(probeProvider, name, { node: undefined, providerScript: undefined }); }
}
const probe = new RuntimeProbe("runtime-probe");
const binding = new rt.GroupTargetBinding("bob-users", new pulumi.Config("e2e").requireObject("binding"));
exports.programNode = process.version;
exports.programSdk = require("@pulumi/pulumi/package.json").version;
exports.programSdkDir = require("path").dirname(require.resolve("@pulumi/pulumi/package.json"));
exports.providerNode = probe.node;
exports.providerScript = probe.providerScript;
exports.roleAssignmentId = binding.roleAssignmentId;
exports.groupIds = binding.groupIds;
exports.targets = binding.targets;
`;

const BINDING = { userId: ORG.bob, roleType: "USER_ADMIN", groupIds: [ORG.emea, ORG.apac], lastTarget: "retain" };
const PLUGIN = "pulumi-resource-pulumi-nodejs";
const WRITES = new Set(["POST", "PUT", "DELETE"]);
const repoPackage = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let sdk: NewestSdk;
let node: NodeRuntime;
let base: SdkProgramBase;
let p: TestProgram;
let roleAssignmentId: string;

const timings: string[] = [];
async function timed<T>(what: string, run: () => T | Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Write requests (method and path) that reached the emulator from log index `since` on. */
const writesSince = (since: number) =>
  emulator.requests(since).filter((r: RequestLogEntry) => WRITES.has(r.method)).map((r) => `${r.method} ${r.path}`).sort();
const bobTargets = () =>
  emulator
    .state()
    .principals.find((pr) => pr.kind === "user" && pr.id === ORG.bob)
    ?.roleAssignments.find((ra) => ra.type === "USER_ADMIN")?.groupTargets.slice().sort();
const targetPath = (group: string) => `/api/v1/users/${ORG.bob}/roles/${roleAssignmentId}/targets/groups/${group}`;

beforeAll(async () => {
  const tarball = process.env.OKTA_RT_TARBALL;
  if (!tarball) throw new Error("OKTA_RT_TARBALL is not set: run the tests through jest (npm test)");
  sdk = await timed("resolve", () => newestSdkForRun(e2eBaseDir()));
  node = await timed("node", () => ensureNodeRuntime());
  base = await timed("install", () => installSdkProgramBase({ tarball, sdkVersion: sdk.version, nodeBinDir: node.binDir }));
  emulator = await startEmulator({ port: 0, apiToken: ORG.token, seed: testOrgSeed() });
  p = await createProgram({
    project: "newest-sdk-e2e",
    program: PROGRAM,
    baseDir: base.dir,
    env: { PATH: pathWithFirst(node.binDir, pathWithFirst(process.env.OKTA_RT_ENGINE_PATH ?? "")) },
    config: {
      "okta:orgUrl": { value: emulator.url },
      "okta:apiToken": { value: ORG.token, secret: true },
      "e2e:binding": { value: JSON.stringify(BINDING) },
    },
  });
});

afterAll(async () => {
  await p?.cleanup();
  base?.remove();
  await emulator?.close();
  process.stderr.write(
    `[e2e] newest admitted @pulumi/pulumi ${sdk?.version} (node ${node?.version}, ` +
      `${node?.installed ? "installed" : "cached"}): ${timings.join(", ")}\n`,
  );
});

describe("the newest @pulumi/pulumi release the peer range admits, on the pinned engine", () => {
  it("installs the highest release in the peer range, and npm accepts it on the Node.js the test runs it on", () => {
    expect(sdk.range).toBe(repoPackage.peerDependencies["@pulumi/pulumi"]);
    expect(base.installedSdkVersion).toBe(sdk.version);
    expect(Number(node.version.slice(1).split(".")[0])).toBeGreaterThanOrEqual(22);
  });

  it("launches the dynamic-provider plugin with a script identical to the one the release ships", () => {
    // The engine takes the plugin found first on PATH: the copy ensure-pulumi put beside the CLI.
    // That script only runs `node` from PATH on @pulumi/pulumi/cmd/dynamic-provider resolved from
    // the program's folder, so with identical scripts the release's own provider code runs.
    const shipped = fs.readFileSync(path.join(base.dir, "node_modules", "@pulumi", "pulumi", PLUGIN), "utf8");
    const used = fs.readFileSync(path.join(process.env.OKTA_RT_ENGINE_BIN ?? "", PLUGIN), "utf8");
    expect(used).toBe(shipped);
  });

  it("creates the binding's targets on up, with the program and the provider on Node 22 and the newest SDK", async () => {
    const since = emulator.requests().length;
    const up = await timed("up", () => p.up());
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 3 });

    const out = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));
    expect(out.programSdk).toBe(sdk.version);
    expect(fs.realpathSync(out.programSdkDir)).toBe(fs.realpathSync(path.join(base.dir, "node_modules", "@pulumi", "pulumi")));
    expect(out.programNode).toBe(node.version);
    expect(out.providerNode).toBe(node.version);
    expect(fs.realpathSync(out.providerScript).startsWith(fs.realpathSync(out.programSdkDir) + path.sep)).toBe(true);

    roleAssignmentId = out.roleAssignmentId;
    expect(out.groupIds.slice().sort()).toEqual([ORG.apac, ORG.emea]);
    expect(out.targets.map((t: { name: string }) => t.name).sort()).toEqual(["Sales APAC", "Sales EMEA"]);
    expect(bobTargets()).toEqual([ORG.apac, ORG.emea]);
    // Adopted bob's existing "Extra" target and reconciled it away, adding before removing.
    expect(writesSince(since)).toEqual([`DELETE ${targetPath(ORG.extra)}`, `PUT ${targetPath(ORG.apac)}`, `PUT ${targetPath(ORG.emea)}`].sort());
  });

  it("reports the pinned CLI and the Node 22 language runtime in pulumi about", async () => {
    const ws = p.stack.workspace as LocalWorkspace;
    const { stdout } = await promisify(execFile)(ws.pulumiCommand.command, ["about", "--json"], {
      cwd: p.dir,
      env: { ...process.env, ...ws.envVars, PULUMI_HOME: ws.pulumiHome ?? "" },
    });
    const about = JSON.parse(stdout);
    expect(about.cliAbout.version).toBe(repoPackage.devDependencies["@pulumi/pulumi"]);
    expect(about.runtime.language).toBe("nodejs");
    expect(about.runtime.version).toBe(node.version);
    expect(about.runtime.executable).toBe(path.join(node.binDir, "node"));
  });

  it("previews the same program again with no changes and no writes to Okta", async () => {
    const since = emulator.requests().length;
    const preview = await timed("preview", () => p.preview({ expectNoChanges: true }));
    expect(preview.changeSummary).toEqual({ same: 3 });
    expect(writesSince(since)).toEqual([]);
  });

  it("destroys under lastTarget retain, leaving exactly the one target it names on the role", async () => {
    const since = emulator.requests().length;
    const destroy = await timed("destroy", () => p.destroy());
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    const kept = /kept group (00g\w+)(?: "[^"]*")? on USER_ADMIN of user 00ubob/.exec(p.output())?.[1];
    expect([ORG.apac, ORG.emea]).toContain(kept);
    expect(bobTargets()).toEqual([kept]);
    const removed = [ORG.apac, ORG.emea].filter((g) => g !== kept);
    expect(writesSince(since)).toEqual(removed.map((g) => `DELETE ${targetPath(g)}`));
  });
});
