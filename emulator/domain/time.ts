// Okta's timestamp format: ISO 8601 UTC with whole seconds (".000Z").

/** Formats epoch milliseconds as Okta does, dropping sub-second precision. */
export function oktaTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** Formats epoch milliseconds as an HTTP `Date` header value. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
