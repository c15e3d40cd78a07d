// roleType is typed so that TypeScript refuses a mistyped literal, while strings and computed values still compile.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT, typecheckProgram } from "../../examples/typecheck-program";

jest.setTimeout(120_000);

/** Each line ending in `// refused` must be a compile error; every other line must compile. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { GroupTargetBinding } from "${path.join(REPO_ROOT, "provider", "group-target-binding")}";
import { AppTargetBinding } from "${path.join(REPO_ROOT, "provider", "app-target-binding")}";
import type { StandardRoleType } from "${path.join(REPO_ROOT, "provider", "binding-args")}";

declare const computed: pulumi.Output<string>;
declare const later: Promise<string>;
declare const fromConfig: string;
const userId = "00u1a2b3c4d5e6f7g8h9";
const groupIds = ["00g1a2b3c4d5e6f7g8h9"];

new GroupTargetBinding("literal", { userId, roleType: "HELP_DESK_ADMIN", groupIds });
new GroupTargetBinding("typo", { userId, roleType: "HELP_DESK_ADMN", groupIds }); // refused
new GroupTargetBinding("lower-case", { userId, roleType: "help_desk_admin", groupIds }); // refused
new AppTargetBinding("typo-app", { clientId: "0oa1", roleType: "APP_ADMN", appNames: ["slack"] }); // refused
new GroupTargetBinding("output", { userId, roleType: computed, groupIds });
new GroupTargetBinding("promise", { userId, roleType: later, groupIds });
new GroupTargetBinding("output-of-literal", { userId, roleType: pulumi.output("USER_ADMIN" as const), groupIds });
new GroupTargetBinding("wrapped-config", { userId, roleType: pulumi.output(fromConfig), groupIds });
new GroupTargetBinding("cast-config", { userId, roleType: fromConfig as StandardRoleType, groupIds });
new GroupTargetBinding("plain-config", { userId, roleType: fromConfig, groupIds });
new GroupTargetBinding("input-of-string", { userId, roleType: fromConfig as pulumi.Input<string>, groupIds });
`;

describe("roleType's TypeScript type", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "role-type-"));
    fs.writeFileSync(path.join(dir, "program.ts"), PROGRAM);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a mistyped or lower-case literal, and accepts standard literals and any string, Output<string>, Promise<string> or Input<string>", () => {
    const entry = path.join(dir, "program.ts");
    const { errors } = typecheckProgram(entry, undefined);
    const mine = errors.filter((e) => e.startsWith(path.relative(REPO_ROOT, entry)));
    const lines = PROGRAM.split("\n");
    const refusedLines = lines.flatMap((l, i) => (l.endsWith("// refused") ? [i + 1] : []));
    const errorLines = [...new Set(mine.map((e) => Number(/\((\d+),\d+\)/.exec(e)?.[1])))];
    expect(errorLines).toEqual(refusedLines);
    expect(mine.find((e) => e.includes("HELP_DESK_ADMN"))).toMatch(/Did you mean '"HELP_DESK_ADMIN"'\?/);
  });
});
