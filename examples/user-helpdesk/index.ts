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

// The binding owns the role (assignRole): it assigns HELP_DESK_ADMIN and adds the
// first regional group in the very next request, so the role never covers ALL
// groups for longer than one round trip; destroy unassigns the role.
// Authoritative (the default), so a group added by hand in the Admin Console
// shows up as drift and is removed.
const scope = new GroupTargetBinding("helpdesk-regions", {
  userId: admin.id,
  roleType: "HELP_DESK_ADMIN",
  assignRole: true,
  groupIds: regionalGroups.map((g) => g.id),
});

export const adminId = admin.id;
export const roleAssignmentId = scope.roleAssignmentId;
export const scopedTo = scope.targets.apply((targets) => targets.map((t) => t.displayName));
