// An OAuth service app that may administer Salesforce, Slack and two app instances, and nothing else.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { AppInstanceTargetBinding, AppTargetBinding } from "pulumi-okta-role-targets";

/** The public half of the service app's key pair. */
interface PublicJwk {
  kty: string;
  kid: string;
  n: string;
  e: string;
}

const config = new pulumi.Config();
const jwk = config.requireObject<PublicJwk>("servicePublicJwk");

// A machine identity: client credentials signed with its own key (private_key_jwt).
const service = new okta.app.OAuth("app-automation", {
  label: "App automation (app admin)",
  type: "service",
  grantTypes: ["client_credentials"],
  responseTypes: ["token"],
  tokenEndpointAuthMethod: "private_key_jwt",
  jwks: [{ kty: jwk.kty, kid: jwk.kid, n: jwk.n, e: jwk.e }],
});

// @pulumi/okta assigns the role to the client, but cannot give it targets:
// alone, this APP_ADMIN role covers ALL apps of the org.
const role = new okta.app.OauthRoleAssignment("app-automation-app-admin", {
  clientId: service.clientId,
  type: "APP_ADMIN",
});

// Two app instances the service app may administer one by one.
const wiki = new okta.app.Bookmark("team-wiki", {
  label: "Team wiki",
  url: "https://wiki.example.com",
});
const payroll = new okta.app.Swa("payroll-portal", {
  label: "Payroll portal",
  url: "https://payroll.example.com/login",
  buttonField: "btn-login",
  usernameField: "txt-username",
  passwordField: "txt-password",
});

// Whole OIN catalog apps: every Salesforce and Slack instance, present and future.
const catalogApps = new AppTargetBinding(
  "app-automation-oin-apps",
  { clientId: service.clientId, roleType: "APP_ADMIN", appNames: ["salesforce", "slack"] },
  { dependsOn: [role] },
);

// Single instances, by id. `name` is the app's catalog key: `bookmark`, `template_swa`.
// No need to chain it after the catalog binding: bindings of one role assignment
// take turns in the provider, each reading the role's targets afresh.
const instances = new AppInstanceTargetBinding(
  "app-automation-instances",
  {
    clientId: service.clientId,
    roleType: "APP_ADMIN",
    apps: [
      { appName: wiki.name, appId: wiki.id },
      { appName: payroll.name, appId: payroll.id },
    ],
  },
  { dependsOn: [role] },
);

export const clientId = service.clientId;
export const oinApps = catalogApps.appNames;
export const appInstances = instances.targets.apply((targets) => targets.map((t) => t.displayName));
