// The P3 binding program: the same bindings as the end-to-end program, declared and not exported, like the no-op program.

/**
 * index.js: reads `e2e:bindings` and declares each binding through the installed package.
 * It exports nothing, as the no-op program exports nothing, so P3 compares the resources
 * and not the work of resolving and showing 200 bindings' outputs as a stack output.
 */
export const P3_BINDING_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const rt = require("pulumi-okta-role-targets");
const specs = new pulumi.Config("e2e").requireObject("bindings");
for (const s of specs) new rt[s.type](s.name, s.args);
`;
