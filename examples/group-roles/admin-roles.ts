// The shared IT Admins group and its two roles, owned by the platform team; the targets come from the teams.
import * as okta from "@pulumi/okta";

/** The admin group and the role assignments the teams scope. */
export interface AdminRoles {
  group: okta.group.Group;
  userAdmin: okta.group.Role;
  appAdmin: okta.group.Role;
}

/** Creates the IT Admins group holding USER_ADMIN and APP_ADMIN, without targets. */
export function adminRoles(): AdminRoles {
  const group = new okta.group.Group("it-admins", {
    name: "IT Admins",
    description: "Regional IT staff. What they administer is decided by each team's bindings.",
  });
  // okta.group.Role can list targets itself (targetGroupLists, targetAppLists).
  // Leave them unset: the bindings own the targets. ignoreChanges stops a
  // refresh, which reads the targets back, from planning to remove them, which
  // okta.group.Role does by replacing the role assignment (unscoping it).
  const opts = { ignoreChanges: ["targetGroupLists", "targetAppLists"] };
  return {
    group,
    userAdmin: new okta.group.Role("it-admins-user-admin", { groupId: group.id, roleType: "USER_ADMIN" }, opts),
    appAdmin: new okta.group.Role("it-admins-app-admin", { groupId: group.id, roleType: "APP_ADMIN" }, opts),
  };
}
