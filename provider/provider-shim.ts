// The thin provider object Pulumi serializes into state (`__provider`).
import type * as pulumi from "@pulumi/pulumi";
import type { BindingInputs, BindingOutputs } from "./binding-types";
import methods = require("./provider-methods");

/**
 * Returns the provider Pulumi stores with each binding: one object for every
 * binding, the exports of `provider-methods`, so Pulumi serializes it as a
 * `require` of the installed package. State stays small and holds no credentials.
 */
export function providerShim(): pulumi.dynamic.ResourceProvider<BindingInputs, BindingOutputs> {
  return methods;
}
