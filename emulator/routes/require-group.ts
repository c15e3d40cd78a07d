// The group a route's `{groupId}` names, or Okta's 404 for it.
import type { GroupRecord } from "../domain/records";
import { notFound } from "../http/okta-error";
import type { RouteContext } from "./route";

/** The group in `{groupId}`; throws 404 E0000007 (UserGroup) when the org has none. */
export function requireGroup(ctx: RouteContext): GroupRecord {
  const id = ctx.params.groupId ?? "";
  const group = ctx.state.groups.get(id);
  if (!group) throw notFound(id, "UserGroup");
  return group;
}
