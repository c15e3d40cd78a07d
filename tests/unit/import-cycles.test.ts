// Proves sdk/ and provider/ have no circular imports, counting type-only imports and re-exports too.
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const FOLDERS = ["sdk", "provider"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The project files a file imports or re-exports from, by relative specifier. */
function localImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]);
  const bare = [...text.matchAll(/(?:^|\n)\s*import\s+"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]);
  return [...specifiers, ...bare]
    .map((spec) => resolve(dirname(file), spec))
    .map((base) => [`${base}.ts`, join(base, "index.ts")].find((candidate) => existsSync(candidate)))
    .filter((path): path is string => path !== undefined);
}

/** Every cycle found by a depth-first walk, each as the files on it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("import graph of sdk/ and provider/", () => {
  it("finds a cycle when there is one, so the check below can fail", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });

  it("reads type-only imports and re-exports as edges", () => {
    const file = join(ROOT, "sdk", "errors.ts");
    const edges = localImports(file, 'import type { X } from "./error-advice";\nexport type { Y } from "./config";\n');
    expect(edges.map((p) => relative(ROOT, p))).toEqual([join("sdk", "error-advice.ts"), join("sdk", "config.ts")]);
  });

  it("has no circular imports", () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(20);
    const graph = new Map(files.map((file) => [file, localImports(file, readFileSync(file, "utf8"))]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(" -> "));
    expect(cycles).toEqual([]);
  });
});
