// Resolved inputs and outputs of the three bindings, as the dynamic provider sees them.
import { BindingMode } from "./plan";
import { LastTargetPolicy } from "./plan-delete";
import { TargetKind } from "./target-ref";

/** An app-instance target as declared: the app's catalog key and its instance id. */
export interface AppInstance {
  /** OIN catalog key of the app, such as `salesforce` or `bookmark` (`oidc_client` for OIDC apps). */
  appName: string;
  /** The app instance id (`0oa…`). */
  appId: string;
}

/** A target as people read it, taken from Okta's list responses. */
export interface TargetSummary {
  /** Group id or app instance id; absent for catalog targets. */
  id?: string;
  /** Group name, catalog key, or the app instance's label. */
  name: string;
  /** Catalog display name, group name, or instance label. */
  displayName: string;
}

/** Inputs after the engine resolved them. Exactly one principal and one role selector are set. */
export interface BindingInputs {
  /** Which binding this is; set by the resource class, not by users. */
  kind: TargetKind;
  userId?: string;
  groupId?: string;
  clientId?: string;
  roleType?: string;
  roleAssignmentId?: string;
  groupIds?: string[];
  appNames?: string[];
  apps?: AppInstance[];
  mode?: BindingMode;
  lastTarget?: LastTargetPolicy;
  /** The binding owns the role assignment: create assigns (or adopts) it, destroy unassigns it. */
  assignRole?: boolean;
  /**
   * Set by `check`: each declared target's key → the name people see. The
   * engine shows this map key by key, so previews name who gains or loses what.
   */
  targetNames?: Record<string, string>;
  /** Set by `check`: the targets as planned, so previews show names before apply. */
  targets?: TargetSummary[];
  /**
   * The binding's URN, so messages attach to its row in the engine's output.
   * The engine never displays `__` fields, so it stays out of diffs.
   */
  __urn?: string;
  /** Set by `check`: the declared targets' keys, kept through refresh so check can tell drift from a typo. */
  __declared?: string[];
}

/** Outputs: the inputs plus what the provider resolved and read back. */
export interface BindingOutputs extends BindingInputs {
  principalType: "user" | "group" | "client";
  principalId: string;
  roleAssignmentId: string;
  roleType: string;
  /** Which of roleType / roleAssignmentId the program set, so refresh can hand back the same inputs. */
  roleSelector?: "roleType" | "roleAssignmentId";
  targets: TargetSummary[];
  targetNames: Record<string, string>;
  /**
   * With `assignRole`: `assigned` when this binding's create assigned the role,
   * `adopted` when the principal already held it (or `assignRole` was set later).
   */
  roleOrigin?: RoleOrigin;
}

/** How a binding with `assignRole` came to own its role assignment. */
export type RoleOrigin = "assigned" | "adopted";
