// Renders rows as a plain-text table with padded columns.

/** Formats `rows` under `headers`; numbers and ratios are right-aligned. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const isNumeric = (text: string) => /^[0-9.,/ *%x×~-]+$/.test(text) && /[0-9]/.test(text);
  const line = (cells: string[]) =>
    cells.map((c, i) => (isNumeric(c) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
