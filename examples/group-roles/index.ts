// IT Admins hold USER_ADMIN and APP_ADMIN; the sales and engineering teams each add their own targets.
import { adminRoles } from "./admin-roles";
import { TeamBindings, teamTargets } from "./team-targets";

const admins = adminRoles();

// Team A: sales IT.
const sales = teamTargets(admins, { name: "sales", groups: ["Sales EMEA", "Sales APAC"], apps: ["salesforce"] });

// Team B: engineering IT. Its bindings share the roles with team A's and take turns with them.
const engineering = teamTargets(admins, { name: "engineering", groups: ["Engineering", "Contractors"], apps: ["slack"] });

/** What a team's bindings added, as people read it. */
function scopeOf(team: TeamBindings) {
  return {
    groups: team.users.targets.apply((targets) => targets.map((t) => t.displayName)),
    apps: team.apps.appNames,
  };
}

export const adminGroupId = admins.group.id;
export const salesScope = scopeOf(sales);
export const engineeringScope = scopeOf(engineering);
