// Terminal presentation for the demo: step headings, a spinner for slow steps, and tables.
"use strict";

const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
const green = (s) => (tty ? `\x1b[32m${s}\x1b[0m` : s);
const red = (s) => (tty ? `\x1b[31m${s}\x1b[0m` : s);

let stepNo = 0;

/** Prints a numbered step heading and a one-paragraph explanation. */
function heading(title, explanation) {
  stepNo += 1;
  process.stdout.write(`\n${bold(`== Step ${stepNo}: ${title}`)}\n`);
  if (explanation) process.stdout.write(`${dim(explanation)}\n`);
}

/**
 * Runs `work` while showing a spinner (on a terminal) or one progress line
 * (elsewhere), then prints how long it took.
 */
async function withSpinner(label, work) {
  const started = Date.now();
  const frames = ["|", "/", "-", "\\"];
  let i = 0;
  let timer;
  if (tty) timer = setInterval(() => process.stdout.write(`\r${frames[i++ % 4]} ${label}...`), 120);
  else process.stdout.write(`... ${label}\n`);
  try {
    const result = await work();
    if (timer) clearInterval(timer);
    process.stdout.write(`${tty ? "\r" : ""}${green("ok")} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return result;
  } catch (err) {
    if (timer) clearInterval(timer);
    process.stdout.write(`${tty ? "\r" : ""}${red("FAILED")} ${label}\n`);
    throw err;
  }
}

/** Prints rows as an aligned table with a header line. */
function table(headers, rows) {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((v, c) => String(v).padEnd(widths[c])).join("  ");
  process.stdout.write(`${bold(line(headers))}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

/** Indents captured command output so it reads as part of the step. */
function indented(text, maxLines = 60) {
  const lines = text.trimEnd().split("\n");
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more lines)`] : lines;
  process.stdout.write(`${shown.map((l) => `    ${l}`).join("\n")}\n`);
}

module.exports = { heading, withSpinner, table, indented, bold, green, red };
