// The reliability suites' Pulumi program: declares bindings from stack config like the e2e
// binding program, and can also wrap arguments as secrets, hand raw properties to the
// provider (bypassing the resource classes), or declare only the case named by RT_CASE.
import type { ConfigMap } from "@pulumi/pulumi/automation";
import type { BindingSpec } from "../../helpers/binding-program";
import { ORG } from "../../helpers/test-org";
import { bulkGroupId } from "./reliability-org";

/** A binding, optionally with secret arguments or raw provider properties. */
export interface ReliabilitySpec extends BindingSpec {
  /** Argument names to wrap in pulumi.secret(). */
  secretArgs?: string[];
  /** Arguments read from secret stack config: argument name → `namespace:key` (a JSON value). */
  secretConfigArgs?: Record<string, string>;
  /** Register the properties as given, with the package's own provider shim but no resource class. */
  raw?: boolean;
}

const KIND: Record<BindingSpec["type"], string> = {
  GroupTargetBinding: "group",
  AppTargetBinding: "catalogApp",
  AppInstanceTargetBinding: "appInstance",
};

/** index.js of the program. */
export const RELIABILITY_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const rt = require("pulumi-okta-role-targets");
const KIND = ${JSON.stringify(KIND)};
const entry = () => require("pulumi-okta-role-targets/provider-entry");
// The same thin shim the resource classes use, for raw properties.
const rawShim = {
  configure: async (req) => entry().configure(req.config),
  check: async (o, n) => entry().bindingProvider().check(o, n),
  diff: async (id, o, n) => entry().bindingProvider().diff(id, o, n),
  create: async (i) => entry().bindingProvider().create(i),
  read: async (id, p) => entry().bindingProvider().read(id, p),
  update: async (id, o, n) => entry().bindingProvider().update(id, o, n),
  delete: async (id, p) => entry().bindingProvider().delete(id, p),
};
let specs = new pulumi.Config("e2e").requireObject("bindings");
if (process.env.RT_CASE !== undefined) specs = [specs[Number(process.env.RT_CASE)]];
const out = {};
for (const s of specs) {
  const args = { ...s.args };
  for (const k of s.secretArgs || []) args[k] = pulumi.secret(args[k]);
  for (const [k, full] of Object.entries(s.secretConfigArgs || {})) {
    const [ns, key] = full.split(":");
    args[k] = new pulumi.Config(ns).requireSecretObject(key);
  }
  const b = s.raw
    ? new pulumi.dynamic.Resource(rawShim, s.name, { kind: KIND[s.type], ...args, principalType: undefined, principalId: undefined, targets: undefined }, {}, "okta-role-targets", s.type)
    : new rt[s.type](s.name, args);
  out[s.name] = { groupIds: b.groupIds, appNames: b.appNames, apps: b.apps, targets: b.targets };
}
exports.bindings = out;
`;

/** Credentials for the stack: an API token, an access token, or a service app's key. */
export type StackAuth =
  | { apiToken: string }
  | { accessToken: string }
  | { clientId: string; privateKey: string; privateKeyId?: string; scopes?: string }
  | { none: true };

/** Stack config: the org, secret credentials, retry tuning and the bindings. */
export function reliabilityConfig(
  orgUrl: string,
  auth: StackAuth,
  bindings: ReliabilitySpec[],
  tuning: { maxRetries?: number; requestTimeoutMs?: number } = {},
): ConfigMap {
  const config: ConfigMap = { "okta:orgUrl": { value: orgUrl }, "e2e:bindings": { value: JSON.stringify(bindings) } };
  if ("apiToken" in auth) config["okta:apiToken"] = { value: auth.apiToken, secret: true };
  if ("accessToken" in auth) config["okta:accessToken"] = { value: auth.accessToken, secret: true };
  if ("clientId" in auth) {
    config["okta:clientId"] = { value: auth.clientId };
    config["okta:privateKey"] = { value: auth.privateKey, secret: true };
    if (auth.privateKeyId) config["okta:privateKeyId"] = { value: auth.privateKeyId };
    if (auth.scopes) config["okta:scopes"] = { value: auth.scopes };
  }
  if (tuning.maxRetries !== undefined) config["oktaRoleTargets:maxRetries"] = { value: String(tuning.maxRetries) };
  if (tuning.requestTimeoutMs !== undefined) config["oktaRoleTargets:requestTimeoutMs"] = { value: String(tuning.requestTimeoutMs) };
  return config;
}

/**
 * Three large group bindings, one per principal kind (user, group, client), each of
 * `perBinding` bulk groups numbered from `offset`; `suffix` ends their names.
 */
export function bulkGroupBindings(suffix: string, perBinding: number, offset = 0): ReliabilitySpec[] {
  const ids = (from: number) => Array.from({ length: perBinding }, (_, k) => bulkGroupId(from + k));
  return [
    { type: "GroupTargetBinding", name: `alice-${suffix}`, args: { userId: ORG.alice, roleType: "HELP_DESK_ADMIN", groupIds: ids(offset) } },
    { type: "GroupTargetBinding", name: `it-${suffix}`, args: { groupId: ORG.itAdmins, roleType: "USER_ADMIN", groupIds: ids(offset + perBinding) } },
    { type: "GroupTargetBinding", name: `svc-${suffix}`, args: { clientId: ORG.client, roleType: "HELP_DESK_ADMIN", groupIds: ids(offset + 2 * perBinding) } },
  ];
}
