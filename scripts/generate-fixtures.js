#!/usr/bin/env node
// `npm run fixtures`: writes tests/fixtures/ (a slim OpenAPI schema subset and masked live-Okta
// recordings) from the okta-api reference folder, so the tests need nothing outside this repository.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { parse } = require("yaml");

const repoRoot = path.resolve(__dirname, "..");

/** Component schemas the emulator tests validate against (tests/emulator/spec-shapes.test.ts). */
const SCHEMAS = ["BookmarkApplication", "CatalogApplication", "Error", "Group", "OpenIdConnectApplication", "RoleAssignedUsers", "StandardRole", "User"];
/** Schema keywords that are prose only; every other keyword is kept. `x-*` keys are dropped too. */
const PROSE = new Set(["description", "example", "examples", "externalDocs", "title"]);
/** Response headers whose values the replay test compares; other headers keep their name only. */
const KEPT_HEADER_VALUES = /^(content-type|link|x-rate-limit-.*)$/i;
/** JSON keys whose string values are credentials or key material. */
const SECRET_KEYS = new Set(["access_token", "client_secret", "id_token", "kid", "password", "private_key", "refresh_token", "secret", "token"]);
/** Okta object ids (3-character prefix + 17) and error ids ("oae" + 22), as whole words. */
const OKTA_ID = /(?<![0-9A-Za-z])[0-9a-z]{3}[0-9A-Za-z]{17}(?![0-9A-Za-z])/g;
const ERROR_ID = /(?<![0-9A-Za-z_-])oae[0-9A-Za-z_-]{22}(?![0-9A-Za-z_-])/g;

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/generate-fixtures.js [--source <okta-api folder>] [--out <folder>]\n`);
  process.exit(2);
}

function options(argv) {
  const out = { source: process.env.OKTA_API_SOURCE || path.join(repoRoot, "..", "shared", "okta-api"), out: path.join(repoRoot, "tests", "fixtures") };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!(key in out) || argv[i + 1] === undefined) usage(`unknown or incomplete option: ${argv[i]}`);
    out[key] = path.resolve(argv[i + 1]);
  }
  if (!fs.existsSync(path.join(out.source, "management-openapi.yaml"))) {
    usage(`no management-openapi.yaml in ${out.source}: pass --source <folder> or set OKTA_API_SOURCE to the okta-api reference folder`);
  }
  return out;
}

/** JSON with sorted object keys, two-space indent and a trailing newline: the same input always gives the same bytes. */
function stableJson(value) {
  const sort = (node) => {
    if (Array.isArray(node)) return node.map(sort);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(Object.keys(node).sort().map((key) => [key, sort(node[key])]));
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** A schema without prose; recurses only where a keyword's value is itself a schema, so property names survive. */
function stripSchema(schema) {
  if (typeof schema !== "object" || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE.has(key) || key.startsWith("x-")) continue;
    if (key === "properties") out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripSchema(sub)]));
    else if (key === "items" || key === "not" || key === "additionalProperties") out[key] = stripSchema(value);
    else if (key === "allOf" || key === "anyOf" || key === "oneOf") out[key] = value.map(stripSchema);
    else out[key] = value;
  }
  return out;
}

/** The named schemas plus every schema they reach through `$ref` or a discriminator mapping. */
function schemaClosure(all, roots) {
  const seen = new Set();
  const queue = [...roots];
  const refName = (ref) => ref.replace(/^#\/components\/schemas\//, "");
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") queue.push(refName(value));
        else if (key === "mapping" && typeof value === "object") Object.values(value).forEach((ref) => queue.push(refName(ref)));
        else walk(value);
      }
    }
  };
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    if (!all[name]) throw new Error(`schema ${name} is not in the spec's components.schemas: fix SCHEMAS in scripts/generate-fixtures.js`);
    seen.add(name);
    walk(all[name]);
  }
  return seen;
}

function schemaFixture(source) {
  const spec = parse(fs.readFileSync(path.join(source, "management-openapi.yaml"), "utf8"));
  const all = spec.components.schemas;
  const schemas = {};
  for (const name of schemaClosure(all, SCHEMAS)) schemas[name] = stripSchema(all[name]);
  return { openapi: spec.openapi, info: { title: spec.info.title, version: spec.info.version }, roots: SCHEMAS, components: { schemas } };
}

/** Consistent masks: the same real value always becomes the same masked value, in every file. */
function createMasker() {
  const seen = new Map();
  const counters = new Map();
  const next = (kind) => {
    counters.set(kind, (counters.get(kind) ?? 0) + 1);
    return counters.get(kind);
  };
  const remember = (real, make) => {
    if (!seen.has(real)) seen.set(real, make());
    return seen.get(real);
  };
  const hosts = new Map();
  const masker = {
    /** The real org hosts seen so far. */
    orgHosts: () => [...hosts.keys()],
    addOrgHost(host) {
      if (!hosts.has(host)) hosts.set(host, `org-${hosts.size + 1}.okta.test`);
    },
    text(value) {
      let out = value;
      for (const [real, masked] of hosts) {
        const [sub, ...rest] = real.split(".");
        out = out.split(`${sub}-admin.${rest.join(".")}`).join(masked.replace(".", "-admin.")).split(real).join(masked);
      }
      out = out.replace(ERROR_ID, (id) => remember(id, () => `oaeMasked${String(next("oae")).padStart(16, "0")}`));
      return out.replace(OKTA_ID, (id) => (/\d/.test(id) ? remember(id, () => `${id.slice(0, 3)}Masked${String(next("id")).padStart(11, "0")}`) : id));
    },
    secret(key, value) {
      return remember(`${key}\u0000${value}`, () => `masked-${key}-${next(key)}`);
    },
    json(node, key) {
      if (Array.isArray(node)) return node.map((item) => masker.json(item, key));
      if (typeof node === "string") return SECRET_KEYS.has(key) ? masker.secret(key, node) : masker.text(node);
      if (typeof node !== "object" || node === null) return node;
      return Object.fromEntries(Object.entries(node).map(([name, value]) => [masker.text(name), masker.json(value, name)]));
    },
  };
  return masker;
}

/** A recorded body as JSON (null when empty); fails on anything else, since the replay compares JSON shapes. */
function body(text, masker, where) {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return null;
  let parsed;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(`${where}: body is not JSON; teach scripts/generate-fixtures.js how to keep it`);
  }
  if (parsed === null) throw new Error(`${where}: body is the JSON literal null, which the fixture uses for "no body"`);
  return masker.json(parsed);
}

function recordingFixture(file, cassette, masker) {
  const interactions = cassette.interactions.map((interaction) => {
    const where = `${file}#${interaction.id}`;
    masker.addOrgHost(new URL(interaction.request.url).host);
    const headers = {};
    for (const [name, values] of Object.entries(interaction.response.headers ?? {})) {
      headers[name] = KEPT_HEADER_VALUES.test(name) ? values.map((value) => masker.text(value)) : [];
    }
    return {
      id: interaction.id,
      method: interaction.request.method,
      url: masker.text(interaction.request.url),
      requestBody: body(interaction.request.body, masker, `${where} request`),
      status: interaction.response.code,
      responseHeaders: headers,
      responseBody: body(interaction.response.body, masker, `${where} response`),
    };
  });
  return { recording: file, interactions };
}

/** Refuses output that still holds an unmasked id or org host. */
function assertMasked(name, text, masker) {
  const leftover = [...text.matchAll(OKTA_ID)].map((match) => match[0]).find((id) => /\d/.test(id) && !id.includes("Masked"));
  const errorId = [...text.matchAll(ERROR_ID)].map((match) => match[0]).find((id) => !id.startsWith("oaeMasked"));
  if (leftover || errorId) throw new Error(`${name}: ${leftover ?? errorId} was not masked`);
  for (const host of masker.orgHosts()) if (text.includes(host)) throw new Error(`${name}: org host ${host} was not masked`);
}

function main() {
  const { source, out } = options(process.argv.slice(2));
  const recordingsOut = path.join(out, "okta-recordings");
  fs.mkdirSync(recordingsOut, { recursive: true });
  fs.writeFileSync(path.join(out, "okta-schemas.json"), stableJson(schemaFixture(source)));
  const masker = createMasker();
  const files = fs.readdirSync(path.join(source, "recordings")).filter((name) => name.endsWith(".yaml")).sort();
  const outputs = files.map((file) => {
    const cassette = parse(fs.readFileSync(path.join(source, "recordings", file), "utf8"));
    return [file.replace(/\.yaml$/, ".json"), stableJson(recordingFixture(file, cassette, masker))];
  });
  for (const [name, text] of outputs) assertMasked(name, text, masker);
  const names = new Set(outputs.map(([name]) => name));
  for (const stale of fs.readdirSync(recordingsOut)) if (stale.endsWith(".json") && !names.has(stale)) fs.rmSync(path.join(recordingsOut, stale));
  for (const [name, text] of outputs) fs.writeFileSync(path.join(recordingsOut, name), text);
  process.stdout.write(`wrote okta-schemas.json and ${outputs.length} recordings to ${path.relative(process.cwd(), out) || "."}\n`);
}

main();
