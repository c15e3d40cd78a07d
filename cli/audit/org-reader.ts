// The audit's reads, each one list or object GET through the sdk client (limit=200 on every list).
import type { AppTarget, GroupTarget, OktaClient, RoleAssignment } from "../../sdk";
import { apiPath } from "../../sdk";

/** A user as the audit needs it. */
export interface UserSummary {
  id: string;
  status?: string;
  profile?: { login?: string; firstName?: string; lastName?: string };
}

/** A group as the audit needs it. */
export interface GroupSummary {
  id: string;
  profile?: { name?: string };
}

/** An app as the audit needs it. */
export interface AppSummary {
  id: string;
  name: string;
  label?: string;
  status?: string;
  settings?: { oauthClient?: { application_type?: string } };
}

/** Reads the org for the audit; every method is one request per page of at most 200 items. */
export class OrgReader {
  constructor(private readonly client: OktaClient) {}

  /** Ids of users with role assignments (`GET /api/v1/iam/assignees/users`, paged in the body). */
  async *assigneeUserIds(): AsyncGenerator<string[]> {
    for await (const page of this.client.pages<{ id?: unknown }>("/api/v1/iam/assignees/users")) {
      yield page.map((item) => item.id).filter((id): id is string => typeof id === "string");
    }
  }

  /** A principal's role assignments; a user's list also holds group-held roles (assignmentType GROUP). */
  roles(kind: "user" | "group" | "client", id: string): Promise<RoleAssignment[]> {
    return this.client.listRoleAssignments({ kind, id });
  }

  /** One user (`GET /api/v1/users/{id}`). */
  async user(id: string): Promise<UserSummary> {
    return (await this.client.listAll<UserSummary>(apiPath`/api/v1/users/${id}`))[0] ?? { id };
  }

  /** One group (`GET /api/v1/groups/{id}`). */
  async group(id: string): Promise<GroupSummary> {
    return (await this.client.listAll<GroupSummary>(apiPath`/api/v1/groups/${id}`))[0] ?? { id };
  }

  /** The first page (up to 200) of a group's members: enough to say "none" or how many. */
  async firstMembers(groupId: string): Promise<UserSummary[]> {
    for await (const page of this.client.pages<UserSummary>(apiPath`/api/v1/groups/${groupId}/users`)) return page;
    return [];
  }

  /** Every group, page by page. */
  groups(): AsyncGenerator<GroupSummary[]> {
    return this.client.pages<GroupSummary>("/api/v1/groups");
  }

  /** Every OAuth service app: OIDC apps (`filter=name eq "oidc_client"`) whose application_type is service. */
  async *serviceApps(): AsyncGenerator<AppSummary[]> {
    for await (const page of this.client.pages<AppSummary>("/api/v1/apps", { filter: 'name eq "oidc_client"' })) {
      yield page.filter((app) => app.name === "oidc_client" && app.settings?.oauthClient?.application_type === "service");
    }
  }

  /** A role assignment's group targets. */
  groupTargets(kind: "user" | "group" | "client", id: string, roleAssignmentId: string): Promise<GroupTarget[]> {
    return this.client.listGroupTargets({ kind, id }, roleAssignmentId);
  }

  /** A role assignment's app targets (catalog and instance). */
  appTargets(kind: "user" | "group" | "client", id: string, roleAssignmentId: string): Promise<AppTarget[]> {
    return this.client.listAppTargets({ kind, id }, roleAssignmentId);
  }
}
