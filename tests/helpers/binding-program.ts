// A Pulumi program, driven by stack config, that declares any mix of the three bindings
// through the packed package, as a user's program would import it.
import { ConfigMap } from "@pulumi/pulumi/automation";

/** One binding the program declares: its class, name and arguments. */
export interface BindingSpec {
  type: "GroupTargetBinding" | "AppTargetBinding" | "AppInstanceTargetBinding";
  name: string;
  args: Record<string, unknown>;
  /** Resource options, such as `retainOnDelete`. */
  opts?: Record<string, unknown>;
}

/** index.js: reads `e2e:bindings` and declares each; exports their outputs. */
export const BINDING_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const rt = require("pulumi-okta-role-targets");
const specs = new pulumi.Config("e2e").requireObject("bindings");
const out = {};
for (const s of specs) {
  const b = new rt[s.type](s.name, s.args, s.opts);
  out[s.name] = { groupIds: b.groupIds, appNames: b.appNames, apps: b.apps, targets: b.targets, roleAssignmentId: b.roleAssignmentId };
}
exports.bindings = out;
`;

/** Stack config for the binding program: the emulator org, a secret token, and the bindings. */
export function bindingConfig(orgUrl: string, apiToken: string, bindings: BindingSpec[]): ConfigMap {
  return {
    "okta:orgUrl": { value: orgUrl },
    "okta:apiToken": { value: apiToken, secret: true },
    "e2e:bindings": { value: JSON.stringify(bindings) },
  };
}
