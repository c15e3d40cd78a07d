// Reads each targetable role's targets: one list per role (200 a page), names included in the answer.
import type { AppTarget, GroupTarget } from "../../sdk";
import { mapLimit } from "../map-limit";
import type { Progress } from "../progress";
import type { AuditTarget } from "./audit-report";
import type { FoundAssignment } from "./discover-assignments";
import type { OrgReader } from "./org-reader";
import { targetKindOf } from "./role-kinds";

/** Targets keyed like the discovery (`kind/id/roleAssignmentId`); untargetable roles are not read. */
export async function readTargets(reader: OrgReader, assignments: Map<string, FoundAssignment>, concurrency: number, progress: Progress): Promise<Map<string, AuditTarget[]>> {
  const targets = new Map<string, AuditTarget[]>();
  const targetable = [...assignments.entries()].filter(([, a]) => targetKindOf(a.role.type) !== undefined);
  progress.phase("reading targets", targetable.length);
  await mapLimit(targetable, concurrency, async ([key, a]) => {
    const kind = targetKindOf(a.role.type);
    targets.set(
      key,
      kind === "groups"
        ? (await reader.groupTargets(a.holderKind, a.holderId, a.role.id)).map(groupTarget)
        : (await reader.appTargets(a.holderKind, a.holderId, a.role.id)).map(appTarget),
    );
    progress.step();
  });
  return targets;
}

function groupTarget(group: GroupTarget): AuditTarget {
  return { kind: "group", id: group.id, name: group.profile?.name ?? group.id };
}

// A catalog target has no id and its name is the catalog key; an instance target has the app id and its label.
function appTarget(app: AppTarget): AuditTarget {
  if (typeof app.id === "string" && app.id !== "") return { kind: "appInstance", id: app.id, name: app.name };
  return { kind: "catalogApp", id: app.name, name: typeof app.displayName === "string" ? app.displayName : app.name };
}
