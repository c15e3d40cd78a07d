// A small org with every case the audit must find: three holder kinds, direct and group-held, unscoped, partly targeted, deactivated.
import type { EmulatorSeed } from "../../../emulator";

const user = (ref: string, status: "ACTIVE" | "DEPROVISIONED" = "ACTIVE") => ({
  ref,
  status,
  profile: { login: `${ref}@example.com`, email: `${ref}@example.com`, firstName: ref, lastName: "Test" },
});
const serviceApp = (ref: string) => ({
  ref,
  name: "oidc_client",
  label: ref,
  credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
  settings: { oauthClient: { application_type: "service" } },
});

/** The org: 11 role assignments, 4 of them unscoped. */
export const AUDIT_SEED: EmulatorSeed = {
  users: [user("alice"), user("bob"), user("carol"), user("dave", "DEPROVISIONED"), user("erin"), user("frank")],
  groups: [
    { ref: "sales", profile: { name: "Sales" } },
    { ref: "engineering", profile: { name: "Engineering" } },
    { ref: "support", profile: { name: "Support" } },
    { ref: "it-admins", profile: { name: "IT Admins" }, members: ["@carol"] },
    { ref: "ops", profile: { name: "Ops" }, members: ["@alice", "@frank"] },
    { ref: "empty-admins", profile: { name: "Empty Admins" } },
  ],
  apps: [
    { ref: "wiki", name: "bookmark", label: "Wiki", settings: { app: { url: "https://wiki.example.com/" } } },
    serviceApp("bot"),
    serviceApp("bot2"),
    serviceApp("idle-bot"),
  ],
  roleAssignments: [
    { principal: { user: "@alice" }, type: "HELP_DESK_ADMIN", groupTargets: ["@sales"] },
    { principal: { user: "@bob" }, type: "USER_ADMIN" },
    { principal: { user: "@dave" }, type: "APP_ADMIN", appTargets: ["slack", "@wiki"] },
    { principal: { user: "@erin" }, type: "SUPER_ADMIN" },
    { principal: { user: "@erin" }, type: "READ_ONLY_ADMIN" },
    { principal: { group: "@it-admins" }, type: "APP_ADMIN" },
    { principal: { group: "@it-admins" }, type: "GROUP_MEMBERSHIP_ADMIN", groupTargets: ["@engineering"] },
    { principal: { group: "@ops" }, type: "HELP_DESK_ADMIN", groupTargets: ["@support", "@sales"] },
    { principal: { group: "@empty-admins" }, type: "USER_ADMIN", groupTargets: ["@sales"] },
    { principal: { client: "@bot" }, type: "APP_ADMIN", appTargets: ["salesforce"] },
    { principal: { client: "@bot2" }, type: "HELP_DESK_ADMIN" },
  ],
};

/** One line per assignment the audit should report: `kind name ROLE [unscoped] targets`. */
export const ALL_ASSIGNMENTS = [
  "user alice@example.com HELP_DESK_ADMIN direct group:Sales",
  "user bob@example.com USER_ADMIN direct UNSCOPED",
  "user dave@example.com APP_ADMIN direct appInstance:Wiki catalogApp:slack",
  "user erin@example.com SUPER_ADMIN direct n/a",
  "user erin@example.com READ_ONLY_ADMIN direct n/a",
  "group IT Admins APP_ADMIN group UNSCOPED",
  "group IT Admins GROUP_MEMBERSHIP_ADMIN group group:Engineering",
  "group Ops HELP_DESK_ADMIN group group:Sales group:Support",
  "group Empty Admins USER_ADMIN group group:Sales",
  "client bot APP_ADMIN direct catalogApp:salesforce",
  "client bot2 HELP_DESK_ADMIN direct UNSCOPED",
];
