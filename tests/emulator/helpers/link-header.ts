// Reads RFC 8288 Link headers into rel → URL (Okta sends self and next).

/** Parses `<url>; rel="self", <url>; rel="next"` (one header or several joined by commas). */
export function parseLinks(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  for (const match of (header ?? "").matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)) {
    const [, url, rel] = match;
    if (url !== undefined && rel !== undefined) links[rel] = url;
  }
  return links;
}
