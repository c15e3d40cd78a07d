// Finds every role assignment: users from the assignee list, groups through members' lists (or every group), and every service app.
import type { RoleAssignment } from "../../sdk";
import { mapLimit } from "../map-limit";
import type { Progress } from "../progress";
import type { HolderKind } from "./audit-report";
import type { AppSummary, GroupSummary, OrgReader } from "./org-reader";

/** A role assignment as found, before its targets are read. */
export interface FoundAssignment {
  holderKind: HolderKind;
  holderId: string;
  role: RoleAssignment;
}

/** What discovery found. */
export interface Discovery {
  /** Keyed `kind/id/roleAssignmentId`, so a group role seen through many members is kept once. */
  assignments: Map<string, FoundAssignment>;
  /** Service apps by client id (their label and status come from the list). */
  clients: Map<string, AppSummary>;
  /** Groups already read by the group list (`--complete`), so they are not read again. */
  groups: Map<string, GroupSummary>;
}

/** How to discover. */
export interface DiscoverOptions {
  /** Also list every group and read each group's roles. */
  complete: boolean;
  /** Requests in flight at once. */
  concurrency: number;
  progress: Progress;
}

/** Runs discovery: `1 + users/200` + 1 per role-holding user, `1 + apps/200` + 1 per service app, and with `complete` `1 + groups/200` + 1 per group. */
export async function discoverAssignments(reader: OrgReader, options: DiscoverOptions): Promise<Discovery> {
  const found: Discovery = { assignments: new Map(), clients: new Map(), groups: new Map() };
  const add = (holderKind: HolderKind, holderId: string, role: RoleAssignment): void => {
    const key = `${holderKind}/${holderId}/${role.id}`;
    if (!found.assignments.has(key)) found.assignments.set(key, { holderKind, holderId, role });
  };

  options.progress.phase("listing users who hold roles");
  const seen = new Set<string>();
  for await (const page of reader.assigneeUserIds()) {
    for (const id of page) seen.add(id);
    options.progress.step(page.length);
  }
  const userIds = [...seen];
  options.progress.phase("reading users' roles", userIds.length);
  await mapLimit(userIds, options.concurrency, async (userId) => {
    for (const role of await reader.roles("user", userId)) {
      const groupId = heldThroughGroup(role);
      if (groupId !== undefined) add("group", groupId, role);
      else add("user", userId, role);
    }
    options.progress.step();
  });

  options.progress.phase("listing service apps");
  for await (const page of reader.serviceApps()) {
    for (const app of page) found.clients.set(app.id, app);
    options.progress.step(page.length);
  }
  options.progress.phase("reading service apps' roles", found.clients.size);
  await mapLimit([...found.clients.keys()], options.concurrency, async (clientId) => {
    for (const role of await reader.roles("client", clientId)) add("client", clientId, role);
    options.progress.step();
  });

  if (options.complete) {
    options.progress.phase("listing groups");
    for await (const page of reader.groups()) {
      for (const group of page) found.groups.set(group.id, group);
      options.progress.step(page.length);
    }
    options.progress.phase("reading groups' roles", found.groups.size);
    await mapLimit([...found.groups.keys()], options.concurrency, async (groupId) => {
      for (const role of await reader.roles("group", groupId)) add("group", groupId, role);
      options.progress.step();
    });
  }
  return found;
}

/** The group id when a user's role list shows a role held through a group (assignmentType GROUP). */
export function heldThroughGroup(role: RoleAssignment): string | undefined {
  const href = (role._links?.assignee as { href?: unknown } | undefined)?.href;
  const match = typeof href === "string" ? /\/api\/v1\/groups\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href) : null;
  if (role.assignmentType === "GROUP" && match?.[1]) return decodeURIComponent(match[1]);
  if (role.assignmentType === "GROUP") throw new TypeError(`role assignment ${role.id} is held through a group, but its _links.assignee.href names none`);
  return undefined;
}
