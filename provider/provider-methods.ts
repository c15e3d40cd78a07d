// The provider methods Pulumi stores with each binding: this module's exports object itself.
import type * as pulumi from "@pulumi/pulumi";
import type { BindingInputs, BindingOutputs } from "./binding-types";

type Entry = typeof import("./provider-entry");
const entry = (): Entry => require("pulumi-okta-role-targets/provider-entry") as Entry;
type Methods = Required<pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs>>;
const p = () => entry().bindingProvider() as Methods;

/**
 * The dynamic-provider methods of every binding. They capture nothing and
 * `require` the installed package at call time, so an upgrade takes effect
 * for refresh and delete of existing resources too. Because this object is
 * the exports of a module the package exports, Pulumi serializes it as
 * `require("pulumi-okta-role-targets/provider-methods")`: a few hundred bytes in
 * state and in each of the engine's check and diff calls, instead of seven
 * serialized functions.
 */
const methods: pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> = {
  configure: async (req) => entry().configure(req.config),
  check: async (olds, news) => p().check(olds, news),
  diff: async (id, olds, news) => p().diff(id, olds, news),
  create: async (inputs) => p().create(inputs),
  read: async (id, props) => p().read(id, props),
  update: async (id, olds, news) => p().update(id, olds, news),
  delete: async (id, props) => p().delete(id, props),
};

export = methods;
