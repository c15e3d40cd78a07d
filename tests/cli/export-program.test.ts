// Export writes a readable, type-correct Pulumi program: one binding per role assignment and kind, TODOs for unscoped roles, filters and modes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { typecheckProgram } from "../examples/typecheck-program";
import { AUDIT_SEED } from "./helpers/audit-seed";
import { runAgainst } from "./helpers/run-cli-capture";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: AUDIT_SEED });
});
afterAll(() => emulator.close());

async function exportTo(...flags: string[]): Promise<{ dir: string; index: string; code: number; stderr: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), "okta-export-")), "program");
  const run = await runAgainst(emulator, ["export", "--out", dir, "--quiet", ...flags]);
  return { dir, code: run.code, stderr: run.stderr, index: run.code === 0 ? readFileSync(join(dir, "index.ts"), "utf8") : "" };
}

const declared = (index: string): string[] => [...index.matchAll(/^new (\w+)\("([^"]+)"/gm)].map((m) => `${m[1]} ${m[2]}`);
const todos = (index: string): string[] => [...index.matchAll(/^\/\/ new (\w+)\("([^"]+)"/gm)].map((m) => `${m[1]} ${m[2]}`);

describe("export", () => {
  it("declares one binding per role assignment and target kind, with holder and target names in comments", async () => {
    const { dir, index, code } = await exportTo("--complete");
    expect(code).toBe(0);
    expect(declared(index).sort()).toEqual(
      [
        "AppInstanceTargetBinding user-dave-example-com-app-admin-app-instances",
        "AppTargetBinding client-bot-app-admin-apps",
        "AppTargetBinding user-dave-example-com-app-admin-apps",
        "GroupTargetBinding group-empty-admins-user-admin-groups",
        "GroupTargetBinding group-it-admins-group-membership-admin-groups",
        "GroupTargetBinding group-ops-help-desk-admin-groups",
        "GroupTargetBinding user-alice-example-com-help-desk-admin-groups",
      ].sort(),
    );
    expect(index).toMatch(/\/\/ user alice@example\.com \(00u\w+\): holds HELP_DESK_ADMIN directly\nnew GroupTargetBinding\("user-alice-example-com-help-desk-admin-groups", \{\n  userId: "00u\w+",\n  roleType: "HELP_DESK_ADMIN",\n  groupIds: \[\n    "00g\w+", \/\/ Sales\n  \],\n  mode: "additive",\n\}\);/);
    expect(index).toMatch(/\{ appName: "bookmark", appId: "0oa\w+" \}, \/\/ Wiki/);
    expect(index).toMatch(/\/\/ Note: a deactivated user still holds this role\./);
    expect(index).toMatch(/\/\/ Note: the group has no members, so nobody holds this role today\./);
    for (const file of ["package.json", "Pulumi.yaml", "tsconfig.json", "README.md", "audit-report.json"]) expect(readFileSync(join(dir, file), "utf8").length).toBeGreaterThan(10);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/pulumi preview --refresh --expect-no-changes/);
  });

  it("writes each unscoped role as a commented-out binding with a TODO naming the role and holder", async () => {
    const { index } = await exportTo("--complete");
    expect(todos(index).sort()).toEqual(
      ["AppTargetBinding group-it-admins-app-admin-apps", "GroupTargetBinding client-bot2-help-desk-admin-groups", "GroupTargetBinding user-bob-example-com-user-admin-groups"].sort(),
    );
    expect(index).toMatch(/\/\/ TODO: user bob@example\.com \(00u\w+\) holds USER_ADMIN with no groups targets, so it applies to ALL groups\./);
    expect(index).toMatch(/\/\/ TODO: group IT Admins \(00g\w+\) holds APP_ADMIN with no apps targets, so it applies to ALL apps\./);
    expect(index).toMatch(/These roles take no targets[^\n]*\n\/\/ {3}user erin@example\.com \(00u\w+\): (SUPER_ADMIN|READ_ONLY_ADMIN)/);
  });

  it("type-checks against the package's types", async () => {
    const { dir } = await exportTo("--complete", "--mode", "authoritative");
    expect(typecheckProgram(join(dir, "index.ts"), join(dir, "tsconfig.json")).errors).toEqual([]);
  });

  it("includes only the principals, roles and kinds asked for", async () => {
    const groupsOnly = await exportTo("--complete", "--principals", "group", "--kinds", "groups");
    expect(declared(groupsOnly.index).every((d) => d.startsWith("GroupTargetBinding group-"))).toBe(true);
    expect(declared(groupsOnly.index)).toHaveLength(3);
    const appAdmins = await exportTo("--complete", "--roles", "APP_ADMIN", "--kinds", "catalogApps");
    expect(declared(appAdmins.index).sort()).toEqual(["AppTargetBinding client-bot-app-admin-apps", "AppTargetBinding user-dave-example-com-app-admin-apps"]);
  });

  it("writes mode: authoritative when asked", async () => {
    const { index } = await exportTo("--mode", "authoritative");
    expect(index).toMatch(/mode: "authoritative"/);
    expect(index).not.toMatch(/mode: "additive"/);
  });

  it("exports a saved audit report, and refuses a directory that is not empty", async () => {
    const report = join(mkdtempSync(join(tmpdir(), "okta-report-")), "report.json");
    writeFileSync(report, (await runAgainst(emulator, ["audit", "--json", "--quiet", "--complete"])).stdout);
    emulator.clearRequests();
    const fromFile = await exportTo("--from-report", report, "--kinds", "groups,catalogApps");
    expect(fromFile.code).toBe(0);
    expect(emulator.requests()).toEqual([]);
    expect(declared(fromFile.index)).toHaveLength(6);
    const again = await runAgainst(emulator, ["export", "--out", fromFile.dir, "--from-report", report]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists and is not empty/);
  });
});
