// The whole route table, mirroring Okta's paths; the server registers exactly these.
import { appGrantRoutes } from "./app-grant-routes";
import { appRoutes } from "./app-routes";
import { assigneeRoutes } from "./assignee-routes";
import { controlRoutes } from "./control-routes";
import { groupMemberRoutes } from "./group-member-routes";
import { groupRoutes } from "./group-routes";
import { orgRoutes } from "./org-routes";
import { roleAssignmentRoutes } from "./role-assignment-routes";
import { roleTargetRoutes } from "./role-target-routes";
import type { Route } from "./route";
import { tokenRoutes } from "./token-route";
import { userRoutes } from "./user-routes";

/** Every route the emulator serves. */
export function routeTable(): Route[] {
  return [
    ...roleTargetRoutes(),
    ...roleAssignmentRoutes(),
    ...userRoutes(),
    ...groupRoutes(),
    ...groupMemberRoutes(),
    ...assigneeRoutes(),
    ...appRoutes(),
    ...appGrantRoutes(),
    ...orgRoutes(),
    ...tokenRoutes(),
    ...controlRoutes(),
  ];
}
