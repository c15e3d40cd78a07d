// A small Okta org for provider and end-to-end tests: fixed ids, every principal kind, every role.
import type { EmulatorSeed } from "../../emulator/seed/seed-types";

/** Fixed ids, so tests read like the org they run against. */
export const ORG = {
  token: "test-api-token",
  alice: "00ualice000000000001",
  bob: "00ubob00000000000001",
  itAdmins: "00gitadmins000000001",
  emea: "00gemea0000000000001",
  apac: "00gapac0000000000001",
  eng: "00geng00000000000001",
  extra: "00gextra000000000001",
  wiki: "0oawiki0000000000001",
  sfdc: "0oasfdc0000000000001",
  client: "0oaclient00000000001",
  APP_ADMIN: "IFIFAX2BIRGUSTQ",
  HELP_DESK_ADMIN: "JBCUYUC7IRCVGS27IFCE2SKO",
  USER_ADMIN: "KVJUKUS7IFCE2SKO",
} as const;

const user = (id: string, login: string) => ({
  id,
  profile: { login: `${login}@example.com`, email: `${login}@example.com`, firstName: login, lastName: "Test" },
});

/**
 * alice holds HELP_DESK_ADMIN (unscoped) and APP_ADMIN; bob holds USER_ADMIN scoped to Extra;
 * IT Admins holds USER_ADMIN and APP_ADMIN; the service client holds APP_ADMIN and HELP_DESK_ADMIN.
 */
export function testOrgSeed(): EmulatorSeed {
  return {
    users: [user(ORG.alice, "alice"), user(ORG.bob, "bob")],
    groups: [
      { id: ORG.itAdmins, profile: { name: "IT Admins" } },
      { id: ORG.emea, profile: { name: "Sales EMEA" } },
      { id: ORG.apac, profile: { name: "Sales APAC" } },
      { id: ORG.eng, profile: { name: "Engineering" } },
      { id: ORG.extra, profile: { name: "Extra" } },
    ],
    apps: [
      { id: ORG.wiki, name: "bookmark", label: "Wiki", signOnMode: "BOOKMARK", settings: { app: { url: "https://wiki.example.com" } } },
      { id: ORG.sfdc, name: "salesforce", label: "Salesforce EU", signOnMode: "SAML_2_0" },
      {
        id: ORG.client,
        name: "oidc_client",
        label: "Platform automation",
        signOnMode: "OPENID_CONNECT",
        settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
        credentials: { oauthClient: { client_id: ORG.client, token_endpoint_auth_method: "private_key_jwt" } },
        grantedScopes: ["okta.roles.read", "okta.roles.manage"],
      },
    ],
    roleAssignments: [
      { principal: { user: ORG.alice }, type: "HELP_DESK_ADMIN" },
      { principal: { user: ORG.alice }, type: "APP_ADMIN" },
      { principal: { user: ORG.bob }, type: "USER_ADMIN", groupTargets: [ORG.extra] },
      { principal: { group: ORG.itAdmins }, type: "USER_ADMIN" },
      { principal: { group: ORG.itAdmins }, type: "APP_ADMIN" },
      { principal: { client: ORG.client }, type: "APP_ADMIN" },
      { principal: { client: ORG.client }, type: "HELP_DESK_ADMIN" },
    ],
  };
}
