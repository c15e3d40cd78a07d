// Writes the exported program's index.ts: one binding per role assignment and kind, names in comments.
import type { AuditAssignment } from "../audit/audit-report";
import type { ExportBinding } from "./export-binding";
import { describe, type ExportPlan } from "./plan-bindings";

const PRINCIPAL_ARG = { user: "userId", group: "groupId", client: "clientId" } as const;

/** The program's source. */
export function renderProgram(plan: ExportPlan, meta: { org: string; generatedAt: string; mode: "additive" | "authoritative" }): string {
  // TODO bindings' classes are imported too, so uncommenting one is all it takes.
  const used = [...new Set(plan.bindings.map((b) => b.className))].sort();
  const out = [
    `// Okta admin role targets of ${comment(meta.org)}, as an audit found them on ${meta.generatedAt}.`,
    "// Written by `pulumi-okta-role-targets export`: see README.md for the adoption steps.",
    `// Mode: ${meta.mode}. ${meta.mode === "additive" ? "Each binding owns only the targets it lists; other targets are left alone." : "Each binding owns every target of its kind on its role, and removes targets it does not list."}`,
  ];
  if (used.length > 0) out.push(`import { ${used.join(", ")} } from "pulumi-okta-role-targets";`);
  out.push("");
  for (const binding of plan.bindings) out.push(...renderBinding(binding, meta.mode), "");
  if (plan.untargetable.length > 0) {
    out.push("// These roles take no targets, so no binding can narrow them; manage them with @pulumi/okta if you want them in code:");
    for (const a of plan.untargetable) {
      const custom = a.roleType === "CUSTOM" ? ` ${comment(a.roleLabel)} (a custom role, scoped by its resource set)` : "";
      out.push(`//   ${comment(describe(a))}: ${a.roleType}${custom}${a.heldThrough === "group" ? " (held through the group)" : ""}`);
    }
    out.push("");
  }
  if (plan.bindings.length === 0) out.push("export {};", "");
  return out.join("\n");
}

function renderBinding(b: ExportBinding, mode: string): string[] {
  const a = b.assignment;
  const lines = [`// ${comment(holderLine(a))}`];
  for (const note of a.notes.filter((n) => n.code !== "unscoped")) lines.push(`// Note: ${comment(note.message)}.`);
  if (b.todo) lines.push(`// ${comment(b.todo)}`);
  const body = [`new ${b.className}(${JSON.stringify(b.resourceName)}, {`, `  ${PRINCIPAL_ARG[a.holder.kind]}: ${JSON.stringify(a.holder.id)},`, `  roleType: ${JSON.stringify(a.roleType)},`];
  body.push(...targetLines(b), `  mode: ${JSON.stringify(mode)},`, "});");
  return [...lines, ...(b.todo ? body.map((l) => `// ${l}`) : body)];
}

function targetLines(b: ExportBinding): string[] {
  const field = b.className === "GroupTargetBinding" ? "groupIds" : b.className === "AppTargetBinding" ? "appNames" : "apps";
  if (b.todo) return [`  ${field}: [/* ${b.className === "GroupTargetBinding" ? '"00g…"' : '"salesforce"'} */],`];
  const items = b.targets.map((t) =>
    b.className === "AppInstanceTargetBinding"
      ? `    { appName: ${JSON.stringify(t.appName ?? "")}, appId: ${JSON.stringify(t.id)} }, // ${comment(t.name)}`
      : `    ${JSON.stringify(t.id)}, // ${comment(t.name)}`,
  );
  return [`  ${field}: [`, ...items, "  ],"];
}

function holderLine(a: AuditAssignment): string {
  const how = a.heldThrough === "group" ? `its members hold ${a.roleType} through the group` : `holds ${a.roleType} directly`;
  return `${describe(a)}: ${how}`;
}

/** Text safe inside a `//` comment: one line, no control characters. */
function comment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}
