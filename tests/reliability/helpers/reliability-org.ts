// The reliability suites' org: the shared test org, plus more apps, bulk groups for large
// changes, and service apps that authenticate with a key pair made for the test run.
import { generateKeyPairSync, KeyObject } from "node:crypto";
import type { EmulatorSeed, SeedApp } from "../../../emulator/seed/seed-types";
import { ORG, testOrgSeed } from "../../helpers/test-org";

/** Ids added to the shared test org. */
export const MORE = {
  box: "0oabox00000000000001",
  github: "0oagithub00000000001",
  /** A service app granted only okta.roles.read. */
  readOnlyClient: "0oareadonly000000001",
} as const;

/** A service app's key pair: the private key as PEM, the public key as a JWK with a kid. */
export interface ServiceAppKey {
  privateKeyPem: string;
  publicJwk: Record<string, unknown>;
  kid: string;
}

/** A fresh RSA key pair for private_key_jwt. */
export function newServiceAppKey(kid = "reliability-key-1"): ServiceAppKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKeyPem: (privateKey as KeyObject).export({ type: "pkcs8", format: "pem" }).toString(),
    publicJwk: { ...(publicKey as KeyObject).export({ format: "jwk" }), kid, use: "sig", alg: "RS256" },
    kid,
  };
}

/** The bulk group `n` (0-based): `00gbulk` + 13 digits. */
export function bulkGroupId(n: number): string {
  return `00gbulk${String(n).padStart(13, "0")}`;
}

function serviceApp(id: string, label: string, jwk: Record<string, unknown> | undefined, grantedScopes: string[]): SeedApp {
  return {
    id,
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    settings: {
      oauthClient: {
        application_type: "service",
        grant_types: ["client_credentials"],
        response_types: ["token"],
        ...(jwk ? { jwks: { keys: [jwk] } } : {}),
      },
    },
    credentials: { oauthClient: { client_id: id, token_endpoint_auth_method: "private_key_jwt" } },
    grantedScopes,
  };
}

/** What to add to the test org. */
export interface ReliabilityOrgOptions {
  /** How many extra groups (`bulkGroupId(0..n-1)`) to create. */
  bulkGroups?: number;
  /** The public key the service apps (the test org's client and the read-only one) accept. */
  publicJwk?: Record<string, unknown>;
}

/** The shared test org with two more app instances (Box, GitHub), bulk groups and keyed service apps. */
export function reliabilityOrgSeed(options: ReliabilityOrgOptions = {}): EmulatorSeed {
  const seed = testOrgSeed();
  const apps = (seed.apps ?? []).map((app) =>
    app.id === ORG.client ? serviceApp(ORG.client, app.label, options.publicJwk, ["okta.roles.read", "okta.roles.manage"]) : app,
  );
  apps.push(
    { id: MORE.box, name: "box", label: "Box", signOnMode: "SAML_2_0" },
    { id: MORE.github, name: "github", label: "GitHub", signOnMode: "SAML_2_0" },
    serviceApp(MORE.readOnlyClient, "Read-only automation", options.publicJwk, ["okta.roles.read"]),
  );
  const groups = [...(seed.groups ?? [])];
  for (let n = 0; n < (options.bulkGroups ?? 0); n++) groups.push({ id: bulkGroupId(n), profile: { name: `Bulk ${n}` } });
  return { ...seed, apps, groups };
}
