// The P3 baseline program: the same resources and inputs as the binding program, as no-op dynamic resources.

/** index.js: reads `e2e:bindings` and declares one no-op dynamic resource per entry, with the same inputs. */
export const NOOP_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const specs = new pulumi.Config("e2e").requireObject("bindings");
const noop = {
  async create(inputs) { return { id: inputs.benchName, outs: inputs }; },
};
class Noop extends pulumi.dynamic.Resource {
  constructor(name, props) { super(noop, name, props, undefined, "bench", "Noop"); }
}
for (const s of specs) new Noop(s.name, { benchName: s.name, ...s.args });
`;
