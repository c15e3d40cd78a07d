// User rules: creation with Okta's status logic, and deactivate-then-delete.
import type { EmulatorState } from "./emulator-state";
import { ID_PREFIX, newId } from "./ids";
import { bodyObject, isObject, optionalObject, requiredString } from "./json-input";
import type { UserProfile, UserRecord } from "./records";
import { validationFailed } from "../http/okta-error";

/** Input for createUser: a request body, plus an optional fixed id (seeds). */
export interface NewUser {
  readonly body: unknown;
  readonly activate: boolean;
  readonly id?: string;
}

/**
 * Creates a user as POST /api/v1/users does: with activation and a password it is ACTIVE, with
 * activation but no password PROVISIONED, without activation STAGED. Logins are unique.
 */
export function createUser(state: EmulatorState, input: NewUser, now: number): UserRecord {
  const body = bodyObject(input.body);
  const profile = readProfile(optionalObject(body, "profile"));
  if (state.findUser(profile.login)) {
    throw validationFailed("login", "login: An object with this field already exists in the current organization");
  }
  const credentials = optionalObject(body, "credentials");
  const password = credentials.password;
  const hasPassword = isObject(password) && typeof password.value === "string";
  const status = !input.activate ? "STAGED" : hasPassword ? "ACTIVE" : "PROVISIONED";
  const user: UserRecord = {
    id: input.id ?? newId(ID_PREFIX.user),
    status,
    created: now,
    activated: input.activate ? now : null,
    statusChanged: input.activate ? now : null,
    lastUpdated: now,
    passwordChanged: hasPassword ? now : null,
    profile,
    seq: state.nextSeq(),
  };
  state.users.set(user.id, user);
  return user;
}

/** Okta's answer to DELETE on a user: the first call deactivates, the second deletes. */
export function deleteOrDeactivateUser(state: EmulatorState, user: UserRecord, now: number): "deactivated" | "deleted" {
  if (user.status !== "DEPROVISIONED") {
    deactivateUser(user, now);
    return "deactivated";
  }
  state.deleteUser(user.id);
  return "deleted";
}

/** Moves a user to DEPROVISIONED. */
export function deactivateUser(user: UserRecord, now: number): void {
  user.status = "DEPROVISIONED";
  user.statusChanged = now;
  user.lastUpdated = now;
}

/** Activates a STAGED or DEPROVISIONED user (PROVISIONED without a password). */
export function activateUser(user: UserRecord, now: number): void {
  user.status = user.passwordChanged === null ? "PROVISIONED" : "ACTIVE";
  user.activated = now;
  user.statusChanged = now;
  user.lastUpdated = now;
}

function readProfile(raw: Record<string, unknown>): UserProfile {
  const login = requiredString(raw, "login");
  const profile: UserProfile = {
    ...withoutNulls(raw),
    login,
    firstName: requiredString(raw, "firstName"),
    lastName: requiredString(raw, "lastName"),
    email: requiredString(raw, "email"),
  };
  if (!/^[^@\s]+@[^@\s]+$/.test(profile.email)) {
    throw validationFailed("email", "email: Does not match required pattern");
  }
  return profile;
}

// Okta drops attributes sent as null (e.g. postalAddress) from the stored profile.
function withoutNulls(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null && value !== undefined));
}
