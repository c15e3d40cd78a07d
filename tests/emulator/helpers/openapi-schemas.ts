// Loads Okta's OpenAPI spec into ajv, translating the OpenAPI 3.0 bits ajv (JSON Schema) cannot take.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/** Where the shared spec lives, relative to this repository. */
export const SPEC_PATH = resolve(__dirname, "../../../../shared/okta-api/management-openapi.yaml");

type Json = Record<string, unknown>;

/**
 * Translations, each because ajv would otherwise misjudge the emulator:
 * - `nullable: true` (OpenAPI 3.0) becomes a `"null"` type (JSON Schema has no `nullable`).
 * - `discriminator` is dropped: Okta's mappings point at schemas that also match other branches, so
 *   ajv's discriminator support refuses them; we validate against the concrete schema instead.
 * - OpenAPI-only keywords (`example`, `x-*`, `xml`, `externalDocs`) are left for `strict: false` to ignore.
 * - Formats ajv-formats lacks (int32, int64, double, password, ...) are registered as always valid.
 */
function translate(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(translate);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "discriminator") continue;
    out[key] = translate(value);
  }
  const nullable = out.nullable === true;
  delete out.nullable;
  if (nullable) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function collectFormats(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => collectFormats(item, into));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") into.add(value);
      else collectFormats(value, into);
    }
  }
  return into;
}

/** Compiled validators for named component schemas, plus the raw (translated) schemas. */
export interface SpecSchemas {
  validator(name: string): ValidateFunction;
  schema(name: string): Json;
}

let loaded: SpecSchemas | undefined;

/** Loads the spec once per test file; fails with a clear message when the file is missing. */
export function specSchemas(): SpecSchemas {
  if (loaded) return loaded;
  if (!existsSync(SPEC_PATH)) throw new Error(`Okta's OpenAPI spec is missing: expected it at ${SPEC_PATH} (shared/okta-api next to this repository)`);
  const spec = parse(readFileSync(SPEC_PATH, "utf8")) as { components: { schemas: Json } };
  const schemas = translate(spec.components.schemas) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of collectFormats(schemas, new Set())) if (!ajv.formats[format]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: "okta", components: { schemas } });
  const cache = new Map<string, ValidateFunction>();
  loaded = {
    validator: (name) => {
      const hit = cache.get(name) ?? ajv.compile({ $ref: `okta#/components/schemas/${name}` });
      cache.set(name, hit);
      return hit;
    },
    schema: (name) => schemas[name] as Json,
  };
  return loaded;
}

/** The property names a schema declares at its top level (through $ref and allOf). */
export function declaredProperties(schemas: SpecSchemas, schema: Json): Set<string> {
  const names = new Set<string>();
  const visit = (node: Json): void => {
    const ref = node.$ref;
    if (typeof ref === "string") visit(schemas.schema(ref.replace("#/components/schemas/", "")));
    for (const name of Object.keys((node.properties as Json | undefined) ?? {})) names.add(name);
    for (const part of (node.allOf as Json[] | undefined) ?? []) visit(part);
  };
  visit(schema);
  return names;
}
