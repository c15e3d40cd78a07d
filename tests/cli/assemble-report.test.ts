// The report's rules without an org: what counts as unscoped, which notes apply, and the order people read it in.
import { assembleReport } from "../../cli/audit/assemble-report";
import type { AuditHolder, AuditTarget } from "../../cli/audit/audit-report";
import type { Discovery, FoundAssignment } from "../../cli/audit/discover-assignments";
import { renderTable } from "../../cli/render/render-table";

const context = { org: "https://dev-1.okta.com", mode: "complete" as const, mayMiss: [], apiCalls: 9, durationMs: 1200, generatedAt: "2026-01-01T00:00:00.000Z" };

function build(entries: { a: FoundAssignment; holder: AuditHolder; targets?: AuditTarget[] }[]) {
  const found: Discovery = { assignments: new Map(), clients: new Map(), groups: new Map() };
  const holders = new Map<string, AuditHolder>();
  const targets = new Map<string, AuditTarget[]>();
  for (const { a, holder, targets: t } of entries) {
    const key = `${a.holderKind}/${a.holderId}/${a.role.id}`;
    found.assignments.set(key, a);
    holders.set(`${a.holderKind}/${a.holderId}`, holder);
    if (t) targets.set(key, t);
  }
  return assembleReport(found, holders, targets, context);
}

const role = (type: string, id = type) => ({ id, type, label: type });

describe("assembleReport", () => {
  it.each([
    ["HELP_DESK_ADMIN", [], true, "groups"],
    ["HELP_DESK_ADMIN", [{ kind: "group", id: "00g1", name: "Sales" }], false, "groups"],
    ["APP_ADMIN", [], true, "apps"],
    ["SUPER_ADMIN", [], false, null],
    ["CUSTOM", [], false, null],
  ] as const)("%s with %j targets is unscoped: %s", (type, targets, unscoped, kind) => {
    const report = build([{ a: { holderKind: "user", holderId: "00u1", role: role(type) }, holder: { kind: "user", id: "00u1", name: "a@example.com", status: "ACTIVE" }, targets: [...targets] }]);
    expect(report.assignments[0]).toMatchObject({ unscoped, targetKind: kind });
    expect(report.summary.unscoped).toBe(unscoped ? 1 : 0);
  });

  it("marks a custom role as scoped by its resource set, not as unscoped or untargetable", () => {
    const report = build([{ a: { holderKind: "user", holderId: "00u1", role: role("CUSTOM", "irb1") }, holder: { kind: "user", id: "00u1", name: "a@example.com", status: "ACTIVE" } }]);
    expect(report.assignments[0]?.notes.map((n) => n.code)).toEqual(["custom-role"]);
    expect(renderTable(report)).toMatch(/CUSTOM +its resource set/);
  });

  it("orders unscoped first, then targetable, then the rest, each by holder kind and name", () => {
    const report = build([
      { a: { holderKind: "client", holderId: "0oa1", role: role("APP_ADMIN") }, holder: { kind: "client", id: "0oa1", name: "bot" }, targets: [] },
      { a: { holderKind: "user", holderId: "00u2", role: role("SUPER_ADMIN", "ra1") }, holder: { kind: "user", id: "00u2", name: "b@example.com" } },
      { a: { holderKind: "group", holderId: "00g1", role: role("USER_ADMIN") }, holder: { kind: "group", id: "00g1", name: "Ops", members: { count: 0, more: false } }, targets: [{ kind: "group", id: "00g2", name: "Sales" }] },
      { a: { holderKind: "user", holderId: "00u1", role: role("USER_ADMIN") }, holder: { kind: "user", id: "00u1", name: "a@example.com", status: "DEPROVISIONED" }, targets: [] },
    ]);
    expect(report.assignments.map((a) => `${a.holder.name} ${a.roleType}`)).toEqual(["a@example.com USER_ADMIN", "bot APP_ADMIN", "Ops USER_ADMIN", "b@example.com SUPER_ADMIN"]);
    expect(report.assignments[0]?.notes.map((n) => n.code)).toEqual(["unscoped", "deactivated-holder"]);
    expect(report.assignments[2]?.notes.map((n) => n.code)).toEqual(["group-without-members"]);
    expect(report.summary.holders).toEqual({ user: 2, group: 1, client: 1 });
  });
});
