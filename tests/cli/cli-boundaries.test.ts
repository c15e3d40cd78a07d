// The command line's boundaries and naming: it reaches Okta only through sdk/, never provider/ or emulator/, and its resource names are readable and unique.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { slug, uniqueNames } from "../../cli/export/resource-names";

const CLI = resolve(__dirname, "../../cli");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

describe("cli/", () => {
  it("imports sdk/ and node built-ins only, never provider/ or emulator/", () => {
    const offending = sources(CLI).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^import [^;]* from "([^"]+)";$/gm)]
        .map((m) => m[1] ?? "")
        .filter((spec) => /(^|\/)(provider|emulator)(\/|$)/.test(spec) || (!spec.startsWith(".") && !spec.startsWith("node:")))
        .map((spec) => `${relative(CLI, file)}: ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("starts every file with a one-line comment saying its job", () => {
    const missing = sources(CLI).filter((file) => !/^(#!.*\n)?\/\/ \S/.test(readFileSync(file, "utf8")));
    expect(missing).toEqual([]);
  });
});

describe("export resource names", () => {
  it("are lower-case words joined by dashes", () => {
    expect(slug("user-Alice.O'Neil@Example.com-HELP_DESK_ADMIN-groups")).toBe("user-alice-o-neil-example-com-help-desk-admin-groups");
    expect(slug("***")).toBe("binding");
  });

  it("stay unique when two holders share a name, by adding each holder id's tail", () => {
    const names = uniqueNames([
      { base: "group-Ops-USER_ADMIN-groups", id: "00gAAAAAAAAAAAAA0001" },
      { base: "group Ops-USER_ADMIN-groups", id: "00gAAAAAAAAAAAAA0002" },
      { base: "group-Sales-USER_ADMIN-groups", id: "00gAAAAAAAAAAAAA0003" },
    ]);
    expect(names).toEqual(["group-ops-user-admin-groups-aaaa0001", "group-ops-user-admin-groups-aaaa0002", "group-sales-user-admin-groups"]);
  });
});
