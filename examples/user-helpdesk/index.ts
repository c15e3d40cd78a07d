// A help-desk admin who may reset passwords and unlock accounts only in the regional groups from config.
import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import { GroupTargetBinding } from "pulumi-okta-role-targets";

const config = new pulumi.Config();
const regions = config.getObject<string[]>("regions") ?? ["EMEA", "APAC"];
const adminLogin = config.get("adminLogin") ?? "helpdesk.admin@example.com";

const admin = new okta.user.User("helpdesk-admin", {
  login: adminLogin,
  email: adminLogin,
  firstName: "Help",
  lastName: "Desk",
});

const regionalGroups = regions.map(
  (region) =>
    new okta.group.Group(`staff-${region.toLowerCase()}`, {
      name: `Staff ${region}`,
      description: `Everyone employed in ${region}. The help desk supports this group.`,
    }),
);

// @pulumi/okta assigns the role. On its own, a HELP_DESK_ADMIN role with no
// targets applies to ALL groups; the binding below narrows it right after.
const role = new okta.UserAdminRoles("helpdesk-role", {
  userId: admin.id,
  adminRoles: ["HELP_DESK_ADMIN"],
});

// The targets: exactly the regional groups. Authoritative (the default), so a
// group added by hand in the Admin Console shows up as drift and is removed.
const scope = new GroupTargetBinding(
  "helpdesk-regions",
  {
    userId: admin.id,
    roleType: "HELP_DESK_ADMIN",
    groupIds: regionalGroups.map((g) => g.id),
  },
  { dependsOn: [role] },
);

export const adminId = admin.id;
export const roleAssignmentId = scope.roleAssignmentId;
export const scopedTo = scope.targets.apply((targets) => targets.map((t) => t.displayName));
