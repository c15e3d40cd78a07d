// One binding the exported program declares (or leaves commented out with a TODO).
import type { AuditAssignment } from "../audit/audit-report";

/** The three binding classes of the package. */
export type BindingClass = "GroupTargetBinding" | "AppTargetBinding" | "AppInstanceTargetBinding";

/** A target as the program writes it: the value, and the name for its comment. */
export interface ExportTarget {
  /** Group id, catalog key, or app instance id. */
  id: string;
  /** Group name, catalog display name, or app label (for the comment). */
  name: string;
  /** App instances only: the instance's OIN catalog key. */
  appName?: string;
}

/** A binding to write. */
export interface ExportBinding {
  /** The Pulumi resource name: readable and unique in the program. */
  resourceName: string;
  className: BindingClass;
  assignment: AuditAssignment;
  /** Empty and `todo` set for an unscoped role. */
  targets: ExportTarget[];
  /** Set for unscoped roles: the binding is written commented out with this TODO. */
  todo?: string;
}
