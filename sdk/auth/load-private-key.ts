// Reads the service app's private key (PEM, JWK or PEM file) and picks its signing algorithm.
import { createPrivateKey, type KeyObject } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { OktaConfigError } from "../config-error";

/** A private key ready for jose, with the algorithm Okta accepts for it. */
export interface LoadedPrivateKey {
  /** The key (a KeyObject never prints its material). */
  key: KeyObject;
  /** `RS256` for RSA keys, `ES256` for P-256 keys. */
  alg: "RS256" | "ES256";
  /** The `kid` found in a JWK, if any. */
  kid?: string;
}

const KEY = "okta:privateKey";
const ENV = "OKTA_API_PRIVATE_KEY";

/**
 * Loads a private key given as PEM (PKCS#8 `BEGIN PRIVATE KEY`, PKCS#1 `BEGIN RSA PRIVATE KEY`
 * or SEC1 `BEGIN EC PRIVATE KEY`; literal `\n` sequences allowed), as a JWK (JSON text or
 * object), or as a path to a PEM file. Errors name the setting, never the key.
 */
export function loadPrivateKey(input: string | Record<string, unknown>): LoadedPrivateKey {
  const key = typeof input === "string" ? fromText(input) : fromJwk(input);
  if (key.key.type !== "private") throw invalid("it is not a private key");
  if (key.key.asymmetricKeyType === "rsa") return { ...key, alg: "RS256" };
  if (key.key.asymmetricKeyType === "ec" && key.key.asymmetricKeyDetails?.namedCurve === "prime256v1") {
    return { ...key, alg: "ES256" };
  }
  throw invalid("only RSA (RS256) and P-256 EC (ES256) keys are supported");
}

function fromText(text: string): Omit<LoadedPrivateKey, "alg"> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(trimmed);
    } catch {
      throw invalid("it starts with { but is not valid JSON");
    }
    if (!jwk || typeof jwk !== "object") throw invalid("the JSON is not a JWK object");
    return fromJwk(jwk as Record<string, unknown>);
  }
  let pem = trimmed.includes("\\n") ? trimmed.split("\\n").join("\n") : trimmed;
  if (!pem.startsWith("-----BEGIN") && !pem.includes("\n") && existsSync(pem)) {
    pem = readFileSync(pem, "utf8").trim();
  }
  try {
    return { key: createPrivateKey({ key: pem, format: "pem" }) };
  } catch {
    throw invalid("it is neither a PEM private key (unencrypted PKCS#8 or PKCS#1), a JWK, nor a readable PEM file");
  }
}

function fromJwk(jwk: Record<string, unknown>): Omit<LoadedPrivateKey, "alg"> {
  try {
    const key = createPrivateKey({ key: jwk as never, format: "jwk" });
    return { key, kid: typeof jwk.kid === "string" ? jwk.kid : undefined };
  } catch {
    throw invalid("the JWK is not a valid RSA or EC private key (it needs the private parts, such as d)");
  }
}

function invalid(why: string): OktaConfigError {
  return new OktaConfigError(KEY, ENV, `${KEY} / ${ENV} cannot be used: ${why}. Give the service app's private key as PEM or JWK.`);
}
