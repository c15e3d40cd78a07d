// Renders a group as Okta's Group object (also the shape of a group target).
import { GROUP_LOGOS } from "../domain/org-constants";
import type { GroupRecord } from "../domain/records";
import { oktaTime } from "../domain/time";

/** The Group JSON for GET /api/v1/groups/{id} and group-target lists. */
export function presentGroup(group: GroupRecord, orgUrl: string): Record<string, unknown> {
  const profile: Record<string, unknown> = { name: group.profile.name };
  if (group.profile.description !== null) profile.description = group.profile.description;
  const self = `${orgUrl}/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: oktaTime(group.created),
    lastUpdated: oktaTime(group.lastUpdated),
    lastMembershipUpdated: oktaTime(group.lastMembershipUpdated),
    objectClass: ["okta:user_group"],
    type: "OKTA_GROUP",
    profile,
    _links: {
      logo: GROUP_LOGOS.map((logo) => ({ ...logo })),
      users: { href: `${self}/users` },
      apps: { href: `${self}/apps` },
    },
  };
}
