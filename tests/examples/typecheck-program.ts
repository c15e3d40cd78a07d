// Type-checks a Pulumi program with the compiler API against this repo's dist and node_modules.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** This package's built types: what `pulumi-okta-role-targets` resolves to in the check. */
export const PACKAGE_TYPES = path.join(REPO_ROOT, "dist", "index.d.ts");

/** Where each import of a program resolves during the check. */
const PATHS: Record<string, string[]> = {
  "pulumi-okta-role-targets": ["dist/index.d.ts"],
  "@pulumi/pulumi": ["node_modules/@pulumi/pulumi"],
  "@pulumi/pulumi/*": ["node_modules/@pulumi/pulumi/*"],
  "@pulumi/okta": ["node_modules/@pulumi/okta"],
  "@pulumi/okta/*": ["node_modules/@pulumi/okta/*"],
};

/** The result of checking one program. */
export interface TypecheckResult {
  /** Every diagnostic, formatted as `file(line,col): TSxxxx message`. */
  errors: string[];
  /** Every file the program loaded. */
  files: string[];
}

/** What a program without its own tsconfig.json is checked with: Pulumi's template, strict. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
};

function ownOptions(tsconfigPath: string | undefined): ts.CompilerOptions {
  if (tsconfigPath === undefined) return DEFAULT_OPTIONS;
  const read = ts.readConfigFile(tsconfigPath, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath));
  if (parsed.errors.length) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  return parsed.options;
}

/**
 * The program's own tsconfig options (so a broken tsconfig fails too), with
 * imports pinned to this repo: the package to its built `dist/index.d.ts`,
 * @pulumi/* to the root node_modules. Libraries are not re-checked.
 */
export function compilerOptionsFor(tsconfigPath: string | undefined): ts.CompilerOptions {
  return {
    ...ownOptions(tsconfigPath),
    noEmit: true,
    skipLibCheck: true,
    baseUrl: REPO_ROOT,
    paths: PATHS,
    typeRoots: [path.join(REPO_ROOT, "node_modules", "@types")],
    types: ["node"],
  };
}

// Library declarations are parsed once and shared by every check in the process.
const libraryCache = new Map<string, ts.SourceFile | undefined>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes(`${path.sep}node_modules${path.sep}`)) return original(fileName, languageVersion, onError, shouldCreate);
    const version = typeof languageVersion === "object" ? `${languageVersion.languageVersion}/${String(languageVersion.impliedNodeFormat)}` : languageVersion;
    const key = `${version}:${fileName}`;
    if (!libraryCache.has(key)) libraryCache.set(key, original(fileName, languageVersion, onError, shouldCreate));
    return libraryCache.get(key);
  };
  return host;
}

/** Type-checks `entry` (and what it imports) with the options of `tsconfigPath`, if given. */
export function typecheckProgram(entry: string, tsconfigPath: string | undefined): TypecheckResult {
  if (!fs.existsSync(PACKAGE_TYPES)) throw new Error(`${path.relative(REPO_ROOT, PACKAGE_TYPES)} is missing: run \`npm run build\` first`);
  const options = compilerOptionsFor(tsconfigPath);
  const program = ts.createProgram({ rootNames: [entry], options, host: cachingHost(options) });
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `TS${d.code} ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(REPO_ROOT, d.file.fileName)}(${line + 1},${character + 1}): TS${d.code} ${text}`;
  });
  return { errors, files: program.getSourceFiles().map((f) => path.resolve(f.fileName)) };
}
