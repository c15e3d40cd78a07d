// Quickstart: one binding of each kind, across a user, a group and an OAuth service app.
// `npm run demo` applies it against the local Okta emulator; point the okta:* config at a
// real org (and the quickstart:* ids at its objects) to use it for real.
import * as pulumi from "@pulumi/pulumi";
import { AppInstanceTargetBinding, AppTargetBinding, GroupTargetBinding } from "pulumi-okta-role-targets";

const cfg = new pulumi.Config("quickstart");

// A help-desk admin who may reset passwords only in the regional groups.
const helpdesk = new GroupTargetBinding("helpdesk-regions", {
  userId: cfg.require("helpdeskUserId"),
  roleType: "HELP_DESK_ADMIN",
  groupIds: cfg.requireObject<string[]>("regionGroupIds"),
});

// The IT Admins group: user admin for Engineering, app admin for two app instances.
const itUsers = new GroupTargetBinding("it-admins-users", {
  groupId: cfg.require("itAdminsGroupId"),
  roleType: "USER_ADMIN",
  groupIds: [cfg.require("engineeringGroupId")],
});
const itApps = new AppInstanceTargetBinding("it-admins-apps", {
  groupId: cfg.require("itAdminsGroupId"),
  roleType: "APP_ADMIN",
  apps: cfg.requireObject<{ appName: string; appId: string }[]>("appInstances"),
});

// An OAuth service app (automation) allowed to administer whole OIN apps:
// the case terraform-provider-okta and @pulumi/okta cannot express.
const automation = new AppTargetBinding("automation-apps", {
  clientId: cfg.require("automationClientId"),
  roleType: "APP_ADMIN",
  appNames: cfg.requireObject<string[]>("catalogApps"),
});

export const bindings = {
  helpdesk: { principal: helpdesk.principalId, role: helpdesk.roleType, targets: helpdesk.targets },
  itUsers: { principal: itUsers.principalId, role: itUsers.roleType, targets: itUsers.targets },
  itApps: { principal: itApps.principalId, role: itApps.roleType, targets: itApps.targets },
  automation: { principal: automation.principalId, role: automation.roleType, targets: automation.targets },
};
