// Audit finds every role assignment of users, groups and service apps, whichever way the org's assignee list treats group-held roles.
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { AuditAssignment, AuditReport } from "../../cli/audit/audit-report";
import { ALL_ASSIGNMENTS, AUDIT_SEED } from "./helpers/audit-seed";
import { runAgainst } from "./helpers/run-cli-capture";

function line(a: AuditAssignment): string {
  const targets = a.targets.map((t) => `${t.kind}:${t.kind === "catalogApp" ? t.id : t.name}`).sort();
  const scope = a.targetKind === null ? ["n/a"] : a.unscoped ? ["UNSCOPED"] : targets;
  return [a.holder.kind, a.holder.name, a.roleType, a.heldThrough, ...scope].join(" ");
}

async function audit(emulator: RunningEmulator, ...flags: string[]): Promise<AuditReport> {
  const run = await runAgainst(emulator, ["audit", "--json", "--quiet", ...flags]);
  expect(run.stderr).toBe("");
  return JSON.parse(run.stdout) as AuditReport;
}

describe.each([
  ["lists only direct holders", false],
  ["also lists users who hold a role only through a group", true],
])("when the assignee list %s", (_label, assigneesIncludeGroupHolders) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: AUDIT_SEED, assigneesIncludeGroupHolders });
  });
  afterAll(() => emulator.close());

  it("--complete finds all 11 assignments with their targets, unscoped flags and holders", async () => {
    const report = await audit(emulator, "--complete");
    expect(report.assignments.map(line).sort()).toEqual([...ALL_ASSIGNMENTS].sort());
    expect(report.mayMiss).toEqual([]);
    expect(report.summary).toMatchObject({ assignments: 11, targetable: 9, unscoped: 3, holders: { user: 4, group: 3, client: 2 } });
  });

  it("lists unscoped roles first, then targetable ones, then roles that take no targets", async () => {
    const report = await audit(emulator, "--complete");
    const ranks = report.assignments.map((a) => (a.unscoped ? 0 : a.targetKind !== null ? 1 : 2));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks[0]).toBe(0);
  });

  it("flags the deactivated holder, the group without members and each unscoped role", async () => {
    const report = await audit(emulator, "--complete");
    const codes = (name: string, role: string): string[] =>
      report.assignments.find((a) => a.holder.name === name && a.roleType === role)?.notes.map((n) => n.code) ?? ["missing"];
    expect(codes("dave@example.com", "APP_ADMIN")).toEqual(["deactivated-holder"]);
    expect(codes("Empty Admins", "USER_ADMIN")).toEqual(["group-without-members"]);
    expect(codes("bob@example.com", "USER_ADMIN")).toEqual(["unscoped"]);
    expect(codes("IT Admins", "APP_ADMIN")).toEqual(["unscoped"]);
    expect(report.assignments.find((a) => a.holder.name === "Ops")?.holder.members).toEqual({ count: 2, more: false });
  });

  it("the default mode finds group-held roles through members' role lists, and says what it may have missed", async () => {
    const report = await audit(emulator);
    const expected = ALL_ASSIGNMENTS.filter((l) => !l.startsWith("group Empty Admins") && (assigneesIncludeGroupHolders || !l.startsWith("group IT Admins")));
    expect(report.assignments.map(line).sort()).toEqual(expected.sort());
    expect(report.mode).toBe("default");
    expect(report.mayMiss.join(" ")).toMatch(/group with no members/);
  });
});
