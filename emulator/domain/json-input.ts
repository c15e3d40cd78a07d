// Small readers for untrusted JSON input: each returns the value or throws a validation error.
import { validationFailed } from "../http/okta-error";

/** A JSON object (not null, not an array). */
export type JsonObject = Record<string, unknown>;

/** True for plain JSON objects. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object at `field`, or an empty object when absent; 400 when it is something else. */
export function optionalObject(parent: JsonObject, field: string): JsonObject {
  const value = parent[field];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw validationFailed(field, `${field}: must be an object`);
  return value;
}

/** A non-empty string at `field`; 400 E0000001 naming the field otherwise. */
export function requiredString(parent: JsonObject, field: string): string {
  const value = parent[field];
  if (typeof value !== "string" || value.trim() === "") {
    throw validationFailed(field, `${field}: The field cannot be left blank`);
  }
  return value;
}

/** A string at `field` if present; 400 when present but not a string. */
export function optionalString(parent: JsonObject, field: string): string | undefined {
  const value = parent[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validationFailed(field, `${field}: must be a string`);
  return value;
}

/** The request body as an object; 400 E0000001 when it is missing or not an object. */
export function bodyObject(body: unknown): JsonObject {
  if (!isObject(body)) throw validationFailed("request", "request: a JSON object body is required");
  return body;
}
