// The thin provider object Pulumi serializes into state (`__provider`).
import type * as pulumi from "@pulumi/pulumi";
import type { BindingInputs, BindingOutputs } from "./binding-types";

/**
 * Returns the provider Pulumi stores with each binding. Its methods capture
 * nothing but a module name and `require` the installed package at call time,
 * so state stays small, holds no credentials, and an upgrade of the package
 * takes effect for refresh and delete of existing resources too.
 */
export function providerShim(): pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> {
  // One object for every binding: Pulumi serializes a provider once per object, so
  // a fresh object per resource made previews of large stacks pay that cost each time.
  return SHIM;
}

const SHIM: pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> = {
  configure: async (req) => require("pulumi-okta-role-targets/provider-entry").configure(req.config),
  check: async (olds, news) => require("pulumi-okta-role-targets/provider-entry").bindingProvider().check(olds, news),
  diff: async (id, olds, news) => require("pulumi-okta-role-targets/provider-entry").bindingProvider().diff(id, olds, news),
  create: async (inputs) => require("pulumi-okta-role-targets/provider-entry").bindingProvider().create(inputs),
  read: async (id, props) => require("pulumi-okta-role-targets/provider-entry").bindingProvider().read(id, props),
  update: async (id, olds, news) =>
    require("pulumi-okta-role-targets/provider-entry").bindingProvider().update(id, olds, news),
  delete: async (id, props) => require("pulumi-okta-role-targets/provider-entry").bindingProvider().delete(id, props),
};
