// AppTargetBinding: the OIN catalog apps an APP_ADMIN may manage (every instance of each).
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { BindingResource } from "./binding-resource";

/** Arguments of {@link AppTargetBinding}. */
export interface AppTargetBindingArgs<R extends string = string> extends BindingCommonArgs<R> {
  /** OIN catalog keys, such as `salesforce` or `slack`: at least one, each once. */
  appNames: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Scopes an APP_ADMIN role of a user, group or OAuth client to whole OIN
 * catalog apps. In Okta a catalog target replaces instance targets of the same
 * app; this binding refuses, rather than silently dropping someone else's.
 *
 * @example
 * An OAuth service app's APP_ADMIN role, assigned by the binding
 * (`assignRole: true`) and scoped to every Salesforce and Slack instance,
 * present and future:
 * ```ts
 * import * as okta from "@pulumi/okta";
 * import { AppTargetBinding } from "pulumi-okta-role-targets";
 *
 * const service = new okta.app.OAuth("automation", {
 *   label: "Automation", type: "service", grantTypes: ["client_credentials"], responseTypes: ["token"],
 *   tokenEndpointAuthMethod: "private_key_jwt",
 *   jwks: [{ kty: "RSA", kid: "automation-key", e: "AQAB", n: "<the public key's modulus>" }],
 * });
 *
 * new AppTargetBinding("automation-apps", {
 *   clientId: service.clientId,
 *   roleType: "APP_ADMIN",
 *   assignRole: true,
 *   appNames: ["salesforce", "slack"],
 * });
 * ```
 */
export class AppTargetBinding<R extends string = string> extends BindingResource {
  /** The catalog app targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly appNames: pulumi.Output<string[]>;

  /** Declares the catalog app targets of one APP_ADMIN role assignment. */
  constructor(name: string, args: AppTargetBindingArgs<R>, opts?: pulumi.CustomResourceOptions) {
    super("catalogApp", "AppTargetBinding", name, args, { appNames: args.appNames }, opts);
  }
}
