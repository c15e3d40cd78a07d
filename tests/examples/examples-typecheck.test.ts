// Each example program type-checks against the real @pulumi/okta and @pulumi/pulumi types and this package's build.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXAMPLES_DIR, listExamples } from "./examples-list";
import { PACKAGE_TYPES, typecheckProgram } from "./typecheck-program";

describe("example programs", () => {
  it.each(listExamples())("the %s example type-checks against @pulumi/okta and this package", (name) => {
    const dir = path.join(EXAMPLES_DIR, name);
    const tsconfig = path.join(dir, "tsconfig.json");
    const result = typecheckProgram(path.join(dir, "index.ts"), fs.existsSync(tsconfig) ? tsconfig : undefined);
    expect(result.errors).toEqual([]);
    // The check really used this repo's build of the package, not some other copy.
    expect(result.files).toContain(PACKAGE_TYPES);
  });
});

describe("the type-check itself", () => {
  // Snippets live in a temp folder and borrow one example's tsconfig.
  const tsconfig = path.join(EXAMPLES_DIR, "user-helpdesk", "tsconfig.json");
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "example-typecheck-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function check(name: string, body: string): string[] {
    const file = path.join(dir, `${name}.ts`);
    const header = 'import * as okta from "@pulumi/okta";\nimport { GroupTargetBinding } from "pulumi-okta-role-targets";\n';
    fs.writeFileSync(file, header + body);
    return typecheckProgram(file, tsconfig).errors;
  }

  it("passes a correct snippet that uses both packages, so failures below come from the mistakes", () => {
    const errors = check(
      "correct",
      'const role = new okta.UserAdminRoles("r", { userId: "00u1", adminRoles: ["HELP_DESK_ADMIN"] });\n' +
        'new GroupTargetBinding("b", { userId: "00u1", roleType: "HELP_DESK_ADMIN", groupIds: ["00g1"] }, { dependsOn: [role] });\n',
    );
    expect(errors).toEqual([]);
  });

  it("fails when a binding gets a wrongly typed argument (this package's types are enforced)", () => {
    const errors = check("wrong-binding", 'new GroupTargetBinding("b", { userId: "00u1", roleType: "HELP_DESK_ADMIN", groupIds: "00g1" });\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/TS2322 Type 'string' is not assignable to type 'Input<Input<string>\[\]>'/);
  });

  it("fails when an @pulumi/okta resource misses a required argument (its types are enforced, not any)", () => {
    const errors = check("wrong-okta", 'new okta.UserAdminRoles("r", { userId: "00u1" });\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/TS2345[\s\S]*Property 'adminRoles' is missing/);
  });

  it("fails when a program imports something the package does not export", () => {
    const errors = check("wrong-import", 'import { RoleTargetBinding } from "pulumi-okta-role-targets";\nexport const x = RoleTargetBinding;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/TS2724 .*no exported member named 'RoleTargetBinding'/);
  });
});
