// Guards the emulator's independence and house style: no code from sdk/ or provider/, small documented files.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const EMULATOR = resolve(__dirname, "..", "..", "emulator");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(EMULATOR).map((path) => ({ path, name: relative(EMULATOR, path), text: readFileSync(path, "utf8") }));

describe("the emulator's boundaries and house style", () => {
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((file) => [file.name, file] as const))("%s imports nothing outside emulator/ but packages", (_name, file) => {
    const specifiers = [...file.text.matchAll(/(?:from\s+|require\()\s*["']([^"']+)["']/g)].map((match) => match[1] ?? "");
    const escaping = specifiers.filter((spec) => spec.startsWith(".") && !resolve(dirname(file.path), spec).startsWith(EMULATOR));
    expect(escaping).toEqual([]);
  });

  it.each(files.map((file) => [file.name, file] as const))("%s is small, kebab-case, headed by a one-line comment, with named exports only", (_name, file) => {
    const lines = file.text.split("\n");
    expect(lines.length).toBeLessThanOrEqual(200);
    expect(file.name.split("/").pop()).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
    const first = lines[0]?.startsWith("#!") ? lines[1] : lines[0];
    expect(first).toMatch(/^\/\/ \S/);
    expect(file.text).not.toMatch(/export\s+default\b/);
  });

  it.each(files.map((file) => [file.name, file] as const))("%s documents every export with TSDoc", (_name, file) => {
    const lines = file.text.split("\n");
    const undocumented = lines.flatMap((line, index) => {
      if (!/^export (async )?(function|class|interface|type (?!\{)|const|enum)/.test(line)) return [];
      const previous = lines.slice(0, index).reverse().find((candidate) => candidate.trim() !== "") ?? "";
      return previous.trim().endsWith("*/") ? [] : [line];
    });
    expect(undocumented).toEqual([]);
  });
});
