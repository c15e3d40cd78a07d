// Resolves a path or link against the org and refuses anything on another origin.
import { OktaApiError } from "../errors";

/**
 * The absolute URL of `pathOrUrl` on the org. Throws an {@link OktaApiError} (status 0,
 * `OFF_ORIGIN_LINK`) if it points at any other origin, so credentials never leave the org.
 */
export function resolveOrgUrl(orgUrl: string, pathOrUrl: string, method = "GET"): string {
  const org = new URL(orgUrl);
  let url: URL;
  try {
    url = new URL(pathOrUrl, org);
  } catch {
    url = new URL("http://invalid.invalid/");
  }
  if (url.origin !== org.origin) {
    throw new OktaApiError({
      status: 0,
      method,
      path: url.pathname,
      errorCode: "OFF_ORIGIN_LINK",
      errorSummary: `the link points at ${url.origin}, not ${org.origin}`,
      orgUrl: org.origin,
    });
  }
  return url.toString();
}
