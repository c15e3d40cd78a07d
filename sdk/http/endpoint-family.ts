// Groups request paths into the rate-limit families Okta counts separately.

/**
 * The rate-limit family of a path, whatever the method: `token`, `role-targets`,
 * `role-assignments`, or else the first three path segments (such as `/api/v1/apps`).
 */
export function endpointFamily(path: string): string {
  if (path === "/oauth2/v1/token") return "token";
  // Encoded segments hold no "/", so positions are exact:
  // ["", "api", "v1", "users", id, "roles", raId, "targets", ...]
  const segments = path.split("/");
  if (segments[5] === "roles") return segments[7] === "targets" ? "role-targets" : "role-assignments";
  return segments.slice(0, 4).join("/");
}
