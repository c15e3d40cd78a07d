// Proves the whole real-engine chain works on this machine: the pinned CLI,
// the Node.js language host, the dynamic-provider plugin and the file backend.
import { createProgram, TestProgram } from "../helpers/pulumi-program";

jest.setTimeout(300_000);

const program = `
const pulumi = require("@pulumi/pulumi");
const provider = {
  async create(inputs) { return { id: "smoke-1", outs: { ...inputs, created: true } }; },
  async read(id, props) { return { id, props: { ...props, readBack: true } }; },
  async diff(id, olds, news) { return { changes: olds.value !== news.value }; },
  async update(id, olds, news) { return { outs: { ...news, created: true } }; },
};
class Smoke extends pulumi.dynamic.Resource {
  constructor(name, args) { super(provider, name, { ...args, created: undefined, readBack: undefined }); }
}
const smoke = new Smoke("smoke", { value: "hello" });
exports.created = smoke.created;
exports.value = smoke.value;
`;

describe("the real Pulumi engine", () => {
  let p: TestProgram;
  beforeAll(async () => {
    p = await createProgram({ project: "engine-smoke", program });
  });
  afterAll(async () => {
    await p?.cleanup();
  });

  it("runs a dynamic resource through up, a no-change preview, refresh and destroy", async () => {
    const up = await p.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    expect(up.outputs.created.value).toBe(true);
    expect(up.outputs.value.value).toBe("hello");

    const preview = await p.preview({ expectNoChanges: true });
    expect(preview.changeSummary).toEqual({ same: 2 });

    const refresh = await p.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    const state = JSON.parse(p.stateText());
    const smoke = state.checkpoint.latest.resources.find((r: { id?: string }) => r.id === "smoke-1");
    expect(smoke.outputs.readBack).toBe(true);

    const destroy = await p.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });
  });
});
