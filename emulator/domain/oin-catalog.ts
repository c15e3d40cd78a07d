// The built-in OIN catalog: app keys the emulator accepts as catalog targets and app names.

/** One OIN catalog entry, in the shape Okta returns for a catalog-app target (minus `_links`). */
export interface CatalogEntry {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly status: "ACTIVE";
  readonly lastUpdated: string;
  readonly category: string;
  readonly verificationStatus: string;
  readonly website: string;
  readonly signOnModes: readonly string[];
  readonly features?: readonly string[];
  /** Whether the logo link carries `type: image/png` (it varies between entries in live traffic). */
  readonly logoTyped?: boolean;
}

const VERIFIED = "OKTA_VERIFIED";

// facebook and oidc_client are verbatim from live traffic; the rest follow the same shape.
const CATALOG: readonly CatalogEntry[] = [
  { name: "facebook", displayName: "Facebook", description: "Giving people the power to share and make the world more open and connected.", status: "ACTIVE", lastUpdated: "2021-03-18T17:37:56.000Z", category: "SOCIAL", verificationStatus: VERIFIED, website: "https://www.facebook.com/", signOnModes: ["BROWSER_PLUGIN"] },
  { name: "oidc_client", displayName: "OpenID Connect Client", description: "OpenID Connect Client", status: "ACTIVE", lastUpdated: "2017-06-20T02:25:02.000Z", category: "OAUTH2", verificationStatus: VERIFIED, website: "http://openid.net/specs/openid-connect-core-1_0.html", signOnModes: ["OPENID_CONNECT"], features: ["DEFAULT_PUSH_STATUS_TO_PUSH"], logoTyped: true },
  { name: "salesforce", displayName: "Salesforce.com", description: "Customer relationship management (CRM) in the cloud.", status: "ACTIVE", lastUpdated: "2024-11-05T19:12:41.000Z", category: "CRM", verificationStatus: VERIFIED, website: "https://www.salesforce.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"] },
  { name: "google", displayName: "Google Workspace", description: "Email, calendar, documents and video meetings for teams.", status: "ACTIVE", lastUpdated: "2024-09-30T16:44:03.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://workspace.google.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"] },
  { name: "slack", displayName: "Slack", description: "Team messaging, channels and integrations.", status: "ACTIVE", lastUpdated: "2024-06-12T21:03:18.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://slack.com/", signOnModes: ["SAML_2_0"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"] },
  { name: "zoomus", displayName: "Zoom", description: "Video meetings, webinars and chat.", status: "ACTIVE", lastUpdated: "2024-02-27T18:55:40.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://zoom.us/", signOnModes: ["SAML_2_0"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"] },
  { name: "box", displayName: "Box", description: "Secure content management and file sharing.", status: "ACTIVE", lastUpdated: "2023-12-08T00:31:12.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://www.box.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_USER_DEACTIVATION"] },
  { name: "github", displayName: "GitHub Enterprise Cloud - Organization", description: "Code hosting, review and collaboration for organizations.", status: "ACTIVE", lastUpdated: "2024-08-21T14:20:09.000Z", category: "DEVELOPMENT", verificationStatus: VERIFIED, website: "https://github.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["PUSH_NEW_USERS", "PUSH_USER_DEACTIVATION"] },
  { name: "bookmark", displayName: "Bookmark App", description: "A link to a web page, shown on the end-user dashboard.", status: "ACTIVE", lastUpdated: "2019-05-14T22:06:37.000Z", category: "OKTA", verificationStatus: VERIFIED, website: "https://www.okta.com/", signOnModes: ["BOOKMARK"], logoTyped: true },
  { name: "template_swa", displayName: "Template Plugin App", description: "Secure Web Authentication template for apps with a login form.", status: "ACTIVE", lastUpdated: "2019-05-14T22:06:37.000Z", category: "OKTA", verificationStatus: VERIFIED, website: "https://www.okta.com/", signOnModes: ["BROWSER_PLUGIN"], logoTyped: true },
  { name: "template_saml_2_0", displayName: "Template SAML 2.0 App", description: "SAML 2.0 template for custom service providers.", status: "ACTIVE", lastUpdated: "2019-05-14T22:06:37.000Z", category: "OKTA", verificationStatus: VERIFIED, website: "https://www.okta.com/", signOnModes: ["SAML_2_0"], logoTyped: true },
  { name: "template_basic_auth", displayName: "Template Basic Auth App", description: "Basic Authentication template for apps behind HTTP basic auth.", status: "ACTIVE", lastUpdated: "2019-05-14T22:06:37.000Z", category: "OKTA", verificationStatus: VERIFIED, website: "https://www.okta.com/", signOnModes: ["BASIC_AUTH"], logoTyped: true },
  { name: "office365", displayName: "Microsoft Office 365", description: "Email, documents and collaboration from Microsoft.", status: "ACTIVE", lastUpdated: "2024-10-02T17:48:55.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://www.office.com/", signOnModes: ["WS_FEDERATION", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"] },
  { name: "amazon_aws", displayName: "AWS Account Federation", description: "Federated sign-in to Amazon Web Services accounts.", status: "ACTIVE", lastUpdated: "2024-07-15T20:11:26.000Z", category: "DEVELOPMENT", verificationStatus: VERIFIED, website: "https://aws.amazon.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS"] },
  { name: "dropbox_for_business", displayName: "Dropbox Business", description: "File storage and sharing for teams.", status: "ACTIVE", lastUpdated: "2023-11-29T23:02:44.000Z", category: "COLLABORATION", verificationStatus: VERIFIED, website: "https://www.dropbox.com/business", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_USER_DEACTIVATION"] },
  { name: "atlassian", displayName: "Atlassian Cloud", description: "Jira, Confluence and other Atlassian cloud products.", status: "ACTIVE", lastUpdated: "2024-05-03T15:37:52.000Z", category: "DEVELOPMENT", verificationStatus: VERIFIED, website: "https://www.atlassian.com/", signOnModes: ["SAML_2_0"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION", "GROUP_PUSH"] },
  { name: "servicenow_ud", displayName: "ServiceNow UD", description: "IT service management and workflows.", status: "ACTIVE", lastUpdated: "2024-03-19T12:26:30.000Z", category: "PRODUCTIVITY", verificationStatus: VERIFIED, website: "https://www.servicenow.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["IMPORT_NEW_USERS", "PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES"] },
  { name: "workday", displayName: "Workday", description: "Human capital management and payroll.", status: "ACTIVE", lastUpdated: "2024-04-23T09:58:14.000Z", category: "HR", verificationStatus: VERIFIED, website: "https://www.workday.com/", signOnModes: ["SAML_2_0"], features: ["IMPORT_NEW_USERS", "IMPORT_PROFILE_UPDATES"] },
  { name: "zendesk", displayName: "Zendesk", description: "Customer service and support ticketing.", status: "ACTIVE", lastUpdated: "2023-10-11T18:40:02.000Z", category: "CRM", verificationStatus: VERIFIED, website: "https://www.zendesk.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"] },
  { name: "docusign", displayName: "DocuSign", description: "Electronic signatures and agreements.", status: "ACTIVE", lastUpdated: "2024-01-16T22:15:57.000Z", category: "PRODUCTIVITY", verificationStatus: VERIFIED, website: "https://www.docusign.com/", signOnModes: ["SAML_2_0", "BROWSER_PLUGIN"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "PUSH_USER_DEACTIVATION"] },
  { name: "linkedin", displayName: "LinkedIn", description: "Professional networking.", status: "ACTIVE", lastUpdated: "2022-08-09T17:24:33.000Z", category: "SOCIAL", verificationStatus: VERIFIED, website: "https://www.linkedin.com/", signOnModes: ["BROWSER_PLUGIN"] },
  { name: "twitter", displayName: "X (formerly Twitter)", description: "Short posts and public conversation.", status: "ACTIVE", lastUpdated: "2023-08-01T20:49:05.000Z", category: "SOCIAL", verificationStatus: VERIFIED, website: "https://x.com/", signOnModes: ["BROWSER_PLUGIN"] },
  { name: "pagerduty", displayName: "PagerDuty", description: "Incident response and on-call scheduling.", status: "ACTIVE", lastUpdated: "2024-02-06T11:07:48.000Z", category: "DEVELOPMENT", verificationStatus: VERIFIED, website: "https://www.pagerduty.com/", signOnModes: ["SAML_2_0"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES"] },
  { name: "okta_org2org", displayName: "Okta Org2Org", description: "Federates one Okta org into another.", status: "ACTIVE", lastUpdated: "2024-06-27T16:33:21.000Z", category: "OKTA", verificationStatus: VERIFIED, website: "https://www.okta.com/", signOnModes: ["SAML_2_0"], features: ["PUSH_NEW_USERS", "PUSH_PROFILE_UPDATES", "GROUP_PUSH"], logoTyped: true },
];

/** Looks up an OIN catalog entry by its app key (e.g. `salesforce`). */
export function catalogEntry(name: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.name === name);
}

/** Every catalog entry, in a stable order. */
export function catalogEntries(): readonly CatalogEntry[] {
  return CATALOG;
}
