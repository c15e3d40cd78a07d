// Fixed ids of org-level objects that Okta bodies mention (org, user type, policies, logos).

/** The emulated org's id (`00o` + 17). */
export const ORG_ID = "00oEmulatorOrg000001";
/** The default user type id (`oty` + 17). */
export const USER_TYPE_ID = "otyEmulatorUserType1";
/** The default user schema id (`osc` + 17). */
export const USER_SCHEMA_ID = "oscEmulatorUserType1";
/** The profile-enrollment policy linked from apps (`rst` + 17). */
export const ENROLLMENT_POLICY_ID = "rstEmulatorPolicy001";
/** The access policy linked from apps (`rst` + 17). */
export const ACCESS_POLICY_ID = "rstEmulatorPolicy002";

/** The default logo Okta links for apps without their own. */
export const DEFAULT_APP_LOGO = "https://op3static.oktacdn.com/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png";

/** The medium and large group logos Okta links from every OKTA_GROUP. */
export const GROUP_LOGOS = [
  { name: "medium", href: "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-medium.30ce6d4085dff29412984e4c191bc874.png", type: "image/png" },
  { name: "large", href: "https://op3static.oktacdn.com/assets/img/logos/groups/odyssey/okta-large.c3cb8cda8ae0add1b4fe928f5844dbe3.png", type: "image/png" },
] as const;
