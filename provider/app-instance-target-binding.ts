// AppInstanceTargetBinding: the individual app instances an APP_ADMIN may manage.
import * as pulumi from "@pulumi/pulumi";
import { BindingCommonArgs } from "./binding-args";
import { BindingResource } from "./binding-resource";

/** One app instance to target. */
export interface AppInstanceArgs {
  /** The app's OIN catalog key, e.g. `bookmark`, `salesforce`, or `oidc_client` for OIDC apps. */
  appName: pulumi.Input<string>;
  /** The app instance id (`0oa…`), e.g. `okta.app.Bookmark.id`. */
  appId: pulumi.Input<string>;
}

/** Arguments of {@link AppInstanceTargetBinding}. */
export interface AppInstanceTargetBindingArgs<R extends string = string> extends BindingCommonArgs<R> {
  /** The app instances the role is scoped to: at least one, each once. */
  apps: pulumi.Input<pulumi.Input<AppInstanceArgs>[]>;
}

/**
 * Scopes an APP_ADMIN role of a user, group or OAuth client to individual app
 * instances. Instances are matched by id, with no extra lookups per target.
 *
 * @example
 * A group's APP_ADMIN role that @pulumi/okta assigns, scoped to one bookmark
 * app (without `assignRole`, the binding only manages the targets). `appName`
 * is the app's catalog key, which @pulumi/okta exposes as `name`.
 * ```ts
 * import * as okta from "@pulumi/okta";
 * import { AppInstanceTargetBinding } from "pulumi-okta-role-targets";
 *
 * const itAdmins = new okta.group.Group("it-admins", { name: "IT Admins" });
 * const role = new okta.group.Role("it-admins-app-admin", { groupId: itAdmins.id, roleType: "APP_ADMIN" });
 * const wiki = new okta.app.Bookmark("team-wiki", { label: "Team wiki", url: "https://wiki.example.com" });
 *
 * new AppInstanceTargetBinding("it-admins-apps", {
 *   groupId: itAdmins.id,
 *   roleType: "APP_ADMIN",
 *   apps: [{ appName: wiki.name, appId: wiki.id }],
 * }, { dependsOn: [role] });
 * ```
 */
export class AppInstanceTargetBinding<R extends string = string> extends BindingResource {
  /** The app instance targets as Okta reports them: declared ones in the program's order, then any others. */
  declare readonly apps: pulumi.Output<{ appName: string; appId: string }[]>;

  /** Declares the app instance targets of one APP_ADMIN role assignment. */
  constructor(name: string, args: AppInstanceTargetBindingArgs<R>, opts?: pulumi.CustomResourceOptions) {
    super("appInstance", "AppInstanceTargetBinding", name, args, { apps: args.apps }, opts);
  }
}
