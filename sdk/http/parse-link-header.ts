// A single-pass RFC 8288 Link header parser: no regular expressions, so no backtracking.

/** One link of a `Link` header. */
export interface LinkValue {
  /** The URI between `<` and `>`, as written (may be relative). */
  url: string;
  /** The relation types of `rel`, lower-cased (`rel="next last"` gives two). */
  rels: string[];
  /** All parameters, names lower-cased; the first occurrence of a name wins. */
  params: Record<string, string>;
}

const isSpace = (c: string): boolean => c === " " || c === "\t";

/**
 * Parses a `Link` header. Runs in time linear in its length whatever the input, skips
 * malformed parts, and never throws.
 */
export function parseLinkHeader(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  const n = header.length;
  let i = 0;
  while (i < n) {
    const open = header.indexOf("<", i);
    if (open < 0) break;
    const close = header.indexOf(">", open + 1);
    if (close < 0) break;
    const url = header.slice(open + 1, close).trim();
    const params: Record<string, string> = Object.create(null) as Record<string, string>;
    i = parseParams(header, close + 1, params);
    const rels = (params.rel ?? "").toLowerCase().split(/[ \t]+/).filter((r) => r.length > 0);
    links.push({ url, rels, params: { ...params } });
  }
  return links;
}

/** Reads `; name=value` pairs until the comma that ends this link; returns the index after it. */
function parseParams(h: string, start: number, params: Record<string, string>): number {
  const n = h.length;
  let i = start;
  while (i < n) {
    const c = h[i];
    if (c === ",") return i + 1;
    if (c !== ";") {
      i++; // stray character between parameters: skip it
      continue;
    }
    i++;
    const nameStart = i;
    while (i < n && h[i] !== "=" && h[i] !== ";" && h[i] !== ",") i++;
    const name = h.slice(nameStart, i).trim().toLowerCase();
    let value = "";
    if (i < n && h[i] === "=") {
      i++;
      while (i < n && isSpace(h[i])) i++;
      if (i < n && h[i] === '"') {
        [value, i] = readQuoted(h, i + 1);
      } else {
        const valueStart = i;
        while (i < n && h[i] !== ";" && h[i] !== ",") i++;
        value = h.slice(valueStart, i).trim();
      }
    }
    if (name && !(name in params)) params[name] = value;
  }
  return i;
}

/** Reads a quoted string starting after its opening quote; returns the value and the index after it. */
function readQuoted(h: string, start: number): [string, number] {
  let out = "";
  let i = start;
  while (i < h.length) {
    const c = h[i];
    if (c === "\\" && i + 1 < h.length) {
      out += h[i + 1];
      i += 2;
    } else if (c === '"') {
      return [out, i + 1];
    } else {
      out += c;
      i++;
    }
  }
  return [out, i];
}

/** The URL of the first link whose relations include `next`, if any. */
export function findNextLink(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parseLinkHeader(header).find((link) => link.rels.includes("next"))?.url;
}
