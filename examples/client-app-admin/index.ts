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
// This binding owns the APP_ADMIN role (assignRole): it assigns it to the client and
// adds `salesforce` in the very next request, so the role never covers ALL apps for
// longer than one round trip (okta.app.OauthRoleAssignment cannot give it targets).
// Only one binding may own a role; destroy of the owner unassigns it.
const catalogApps = new AppTargetBinding("app-automation-oin-apps", {
  clientId: service.clientId,
  roleType: "APP_ADMIN",
  assignRole: true,
  appNames: ["salesforce", "slack"],
});

// Single instances, by id. `name` is the app's catalog key: `bookmark`, `template_swa`.
// It scopes the role the catalog binding owns, so it waits for that binding to assign it.
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
  { dependsOn: [catalogApps] },
);

export const clientId = service.clientId;
export const oinApps = catalogApps.appNames;
export const appInstances = instances.targets.apply((targets) => targets.map((t) => t.displayName));
