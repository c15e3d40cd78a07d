// Writes the exported program's package.json, Pulumi.yaml, tsconfig.json and README with the adoption steps.

/** Everything but index.ts, by file name. */
export function renderProjectFiles(o: { project: string; org: string; packageVersion: string; pulumiVersion: string; bindings: number; todos: number }): Record<string, string> {
  const pkg = {
    name: o.project,
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": o.pulumiVersion, "pulumi-okta-role-targets": o.packageVersion },
    devDependencies: { "@types/node": "^20", typescript: "^5" },
  };
  const tsconfig = { compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", skipLibCheck: true, outDir: "bin" }, files: ["index.ts"] };
  return {
    "package.json": JSON.stringify(pkg, null, 2) + "\n",
    "Pulumi.yaml": `name: ${o.project}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: Okta admin role targets of ${o.org}, adopted from an audit\n`,
    "tsconfig.json": JSON.stringify(tsconfig, null, 2) + "\n",
    "README.md": readme(o),
  };
}

function readme(o: { project: string; org: string; bindings: number; todos: number }): string {
  return `# ${o.project}

Okta admin role targets of ${o.org}, exported by \`pulumi-okta-role-targets export\` from an audit
(\`audit-report.json\`). \`index.ts\` declares ${o.bindings} binding${o.bindings === 1 ? "" : "s"} exactly as the org has them today${o.todos > 0 ? `, and ${o.todos} commented-out binding${o.todos === 1 ? "" : "s"} with a TODO for unscoped roles` : ""}.

## Adopt

1. Install: \`npm install\`.
2. Make a stack and point it at the org; credentials come from the environment or a secret:
   \`\`\`sh
   pulumi stack init prod
   pulumi config set okta:orgUrl ${o.org}
   export OKTA_API_TOKEN=…        # or: pulumi config set --secret okta:apiToken …
   \`\`\`
3. Preview: every binding shows as a create, and nothing else.
   \`pulumi preview\`
4. Adopt: \`pulumi up\`. Each binding reads the targets its role has and finds them already
   there, so this first run changes nothing in Okta; it only records them in the stack.
5. Check for drift: \`pulumi preview --refresh --expect-no-changes\` exits 0 while the org
   matches the code. Run it on a schedule; a non-zero exit means someone changed a scope outside code.

## Unscoped roles

Roles that take targets but have none apply to ALL groups or ALL apps. They are written as
commented-out bindings with a TODO naming the role and its holder. Choose their targets,
uncomment, preview and apply: adding the first target narrows the role. Or remove the role.

## Roles that take no targets

SUPER_ADMIN, ORG_ADMIN, READ_ONLY_ADMIN and the like cannot be narrowed; they are listed at the
end of \`index.ts\` for reference. Manage the assignments themselves with \`@pulumi/okta\` if you want them in code.
`;
}
