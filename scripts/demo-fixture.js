// Maps the demo org (emulator/demo-org.json) to the quickstart's config, and
// describes the hand-made change the demo uses to show drift detection.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..");

function byRef(list, ref) {
  const found = list.find((x) => x.ref === ref);
  if (!found) throw new Error(`the demo org has no "${ref}"`);
  return found.id;
}

/**
 * Reads the demo seed and returns the quickstart config plus a drift action:
 * adding the Support group to alice's help-desk role through the Okta API,
 * as an admin in the console would.
 */
async function discoverFixture(orgUrl, apiToken) {
  const seed = JSON.parse(fs.readFileSync(path.join(repoRoot, "dist", "emulator", "demo-org.json"), "utf8"));
  const { OktaClient } = require(path.join(repoRoot, "dist", "sdk"));
  const client = new OktaClient({ orgUrl, auth: { method: "apiToken", apiToken } });
  const alice = byRef(seed.users, "alice");
  const support = byRef(seed.groups, "support");
  const helpDesk = await client.findRoleAssignment({ kind: "user", id: alice }, "HELP_DESK_ADMIN");
  return {
    config: {
      helpdeskUserId: alice,
      regionGroupIds: [byRef(seed.groups, "sales-emea"), byRef(seed.groups, "sales-apac")],
      itAdminsGroupId: byRef(seed.groups, "it-admins"),
      engineeringGroupId: byRef(seed.groups, "engineering"),
      appInstances: [
        { appName: "bookmark", appId: byRef(seed.apps, "wiki") },
        { appName: "salesforce", appId: byRef(seed.apps, "salesforce-prod") },
      ],
      automationClientId: byRef(seed.apps, "platform-automation"),
      catalogApps: ["slack", "zoomus"],
    },
    drift: {
      name: "Support",
      path: `/api/v1/users/${alice}/roles/${helpDesk.id}/targets/groups/${support}`,
      apply: () => client.assignGroupTarget({ kind: "user", id: alice }, helpDesk.id, support),
    },
  };
}

module.exports = { discoverFixture };
