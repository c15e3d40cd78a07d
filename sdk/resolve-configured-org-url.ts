// Works out the org URL from orgUrl, or orgName + baseUrl, and refuses unsafe ones.
import { OktaConfigError } from "./config-error";
import { CONFIG_KEYS, describeKey, readSetting } from "./config-sources";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The org's origin. Explicit input beats the environment; within one source `orgUrl` beats
 * `orgName` + `baseUrl` (default `okta.com`). Plain http is allowed only on loopback (the
 * emulator) unless `allowInsecureHttp`, which only code calling the sdk can pass: no stack
 * config sets it, so the error message does not offer it.
 */
export function resolveConfiguredOrgUrl(
  input: Record<string, unknown>,
  env: Record<string, string | undefined>,
  allowInsecureHttp: boolean,
): string {
  const orgUrl = readSetting("orgUrl", input, env);
  const orgName = readSetting("orgName", input, env);
  const useUrl = orgUrl && !(orgUrl.source === "env" && orgName?.source === "input");
  if (useUrl) return checkOrgUrl(String(orgUrl.value), allowInsecureHttp);
  if (!orgName) {
    throw new OktaConfigError(
      CONFIG_KEYS.orgName.key,
      CONFIG_KEYS.orgName.env,
      `No Okta org is configured. Set ${describeKey("orgName")} (and ${describeKey("baseUrl")} if your org is not on okta.com), or ${describeKey("orgUrl")} for a custom domain or the emulator.`,
    );
  }
  const name = String(orgName.value);
  if (!isLabel(name)) {
    throw new OktaConfigError(
      CONFIG_KEYS.orgName.key,
      CONFIG_KEYS.orgName.env,
      `${describeKey("orgName")} must be the first label of your Okta domain, such as dev-123456 for dev-123456.okta.com; for a full URL use ${describeKey("orgUrl")}.`,
    );
  }
  const baseUrl = String(readSetting("baseUrl", input, env)?.value ?? "okta.com");
  if (!baseUrl.split(".").every(isLabel)) {
    throw new OktaConfigError(
      CONFIG_KEYS.baseUrl.key,
      CONFIG_KEYS.baseUrl.env,
      `${describeKey("baseUrl")} must be a domain such as okta.com, oktapreview.com or okta-emea.com, without https:// or a path.`,
    );
  }
  return `https://${name.toLowerCase()}.${baseUrl.toLowerCase()}`;
}

function isLabel(text: string): boolean {
  if (text.length === 0 || text.length > 63 || text.startsWith("-") || text.endsWith("-")) return false;
  for (const c of text) {
    const ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "-";
    if (!ok) return false;
  }
  return true;
}

function checkOrgUrl(text: string, allowInsecureHttp: boolean): string {
  const fail = (why: string): never => {
    throw new OktaConfigError(CONFIG_KEYS.orgUrl.key, CONFIG_KEYS.orgUrl.env, `${describeKey("orgUrl")} ${why}`);
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail("is not a URL; use the form https://dev-123456.okta.com.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") fail("must start with https://.");
  if (url.username || url.password) fail("must not hold a user name or password; credentials go in their own settings.");
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    fail("must be the org's address only, such as https://dev-123456.okta.com, without a path or query.");
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname) && !allowInsecureHttp) {
    fail(
      `uses plain http (${url.origin}), which would send the credentials unencrypted. Use the org's https:// address, such as https://dev-123456.okta.com; plain http is accepted only for a local emulator at http://127.0.0.1:PORT or http://localhost:PORT.`,
    );
  }
  return url.origin;
}
