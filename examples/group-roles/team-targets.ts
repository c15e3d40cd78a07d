// One team's share of the IT Admins roles: its own groups and OIN apps, added without touching anyone else's.
import * as okta from "@pulumi/okta";
import { AppTargetBinding, GroupTargetBinding } from "pulumi-okta-role-targets";
import { AdminRoles } from "./admin-roles";

/** What one team owns. */
export interface Team {
  /** Short name, used in resource names. */
  name: string;
  /** Groups the team creates and lets IT Admins manage (USER_ADMIN). */
  groups: string[];
  /** OIN catalog apps the team lets IT Admins administer (APP_ADMIN). */
  apps: string[];
}

/** A team's two bindings, one per role. */
export interface TeamBindings {
  users: GroupTargetBinding;
  apps: AppTargetBinding;
}

/**
 * Adds the team's targets to the shared roles in `additive` mode: the bindings
 * add and remove only their own targets. Bindings of one role assignment take
 * turns within a run, so teams need no `dependsOn` on each other.
 */
export function teamTargets(admins: AdminRoles, team: Team): TeamBindings {
  const groups = team.groups.map(
    (name) => new okta.group.Group(`${team.name}-${name.toLowerCase().replace(/\W+/g, "-")}`, { name }),
  );
  const users = new GroupTargetBinding(
    `${team.name}-user-admin-targets`,
    { groupId: admins.group.id, roleType: "USER_ADMIN", groupIds: groups.map((g) => g.id), mode: "additive" },
    { dependsOn: [admins.userAdmin] },
  );
  const apps = new AppTargetBinding(
    `${team.name}-app-admin-targets`,
    { groupId: admins.group.id, roleType: "APP_ADMIN", appNames: team.apps, mode: "additive" },
    { dependsOn: [admins.appAdmin] },
  );
  return { users, apps };
}
