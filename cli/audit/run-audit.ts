// Runs the whole audit against one org and returns the report; it only reads.
import type { OktaClient } from "../../sdk";
import type { Progress } from "../progress";
import { assembleReport } from "./assemble-report";
import type { AuditReport } from "./audit-report";
import { discoverAssignments } from "./discover-assignments";
import { OrgReader } from "./org-reader";
import { readHolders } from "./read-holders";
import { readTargets } from "./read-targets";

/** What the default mode can miss, in the report's `mayMiss`. */
export const DEFAULT_MODE_MAY_MISS = [
  "roles held by a group with no members (no member's role list shows them)",
  "roles held by a group none of whose members holds a role of their own, if this org's assignee list leaves out users who hold roles only through a group",
];

/** Options for {@link runAudit}. */
export interface RunAuditOptions {
  /** A client whose transport only reads (see `auditTransport`). */
  client: OktaClient;
  /** Also read every group's roles. */
  complete: boolean;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  progress: Progress;
  /** Requests sent so far (the transport counts them). */
  apiCalls: () => number;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** Discovers every role assignment, reads holders and targets, and assembles the report. */
export async function runAudit(options: RunAuditOptions): Promise<AuditReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const concurrency = options.concurrency ?? 4;
  const reader = new OrgReader(options.client);
  const found = await discoverAssignments(reader, { complete: options.complete, concurrency, progress: options.progress });
  const holders = await readHolders(reader, found, concurrency, options.progress);
  const targets = await readTargets(reader, found.assignments, concurrency, options.progress);
  const finished = now();
  const report = assembleReport(found, holders, targets, {
    org: options.client.orgUrl,
    mode: options.complete ? "complete" : "default",
    mayMiss: options.complete ? [] : DEFAULT_MODE_MAY_MISS,
    apiCalls: options.apiCalls(),
    durationMs: finished - started,
    generatedAt: new Date(finished).toISOString(),
  });
  const s = report.summary;
  options.progress.finish(`${s.assignments} role assignments (${s.targetable} targetable, ${s.unscoped} unscoped) in ${s.apiCalls} API calls`);
  return report;
}
