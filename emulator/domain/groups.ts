// Group rules: creation with a unique name, and profile replacement.
import type { EmulatorState } from "./emulator-state";
import { ID_PREFIX, newId } from "./ids";
import { bodyObject, optionalObject, optionalString, requiredString } from "./json-input";
import type { GroupRecord } from "./records";
import { validationFailed } from "../http/okta-error";

/** Creates an OKTA_GROUP from a POST /api/v1/groups body; names are unique as in Okta. */
export function createGroup(state: EmulatorState, body: unknown, now: number, id?: string): GroupRecord {
  const profile = readGroupProfile(body);
  assertUniqueName(state, profile.name, undefined);
  const group: GroupRecord = {
    id: id ?? newId(ID_PREFIX.group),
    created: now,
    lastUpdated: now,
    lastMembershipUpdated: now,
    profile,
    seq: state.nextSeq(),
  };
  state.groups.set(group.id, group);
  return group;
}

/** Replaces a group's profile (PUT /api/v1/groups/{id}). */
export function replaceGroupProfile(state: EmulatorState, group: GroupRecord, body: unknown, now: number): void {
  const profile = readGroupProfile(body);
  assertUniqueName(state, profile.name, group.id);
  group.profile = profile;
  group.lastUpdated = now;
}

function readGroupProfile(body: unknown): GroupRecord["profile"] {
  const profile = optionalObject(bodyObject(body), "profile");
  return { name: requiredString(profile, "name"), description: optionalString(profile, "description") ?? null };
}

function assertUniqueName(state: EmulatorState, name: string, exceptId: string | undefined): void {
  for (const group of state.groups.values()) {
    if (group.id !== exceptId && group.profile.name === name) {
      throw validationFailed("name", "name: An object with this field already exists in the current organization");
    }
  }
}
