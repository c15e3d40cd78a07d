// Prints P2: requests per rate-limit family, wall time against the rate-limit floor, 429s, failed ops, peak RSS.
import { P2_RATE_LIMIT, type P2Detail } from "./p2-throughput";
import { formatTable } from "./table";

export const P2_TARGETS = { ratio: 1.15, pct429: 1 };
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** The P2 table, verdicts, and plain reasons for any target missed. */
export function p2Report(p2: P2Detail): string {
  const lines = [
    `P2 - one pulumi up: ${p2.writes} target writes over 50 bindings (10 targets out + 10 in each), ` +
      `emulator limit ${P2_RATE_LIMIT.limit} requests / ${P2_RATE_LIMIT.windowSeconds} s per endpoint family`,
    formatTable(
      ["family", "requests", "429s", "floor s"],
      p2.families.map((f) => [f.family, String(f.requests), String(f.rejected429), f.floorSeconds.toFixed(1)]),
    ),
    `wall ${p2.wallSeconds.toFixed(1)} s / floor ${p2.floorSeconds.toFixed(1)} s = ${p2.ratioToFloor.toFixed(2)}x ` +
      `(target <= ${P2_TARGETS.ratio}): ${verdict(p2.ratioToFloor <= P2_TARGETS.ratio)}`,
    `  API requests spanned ${p2.requestSpanSeconds.toFixed(1)} s (${(p2.requestSpanSeconds / p2.floorSeconds).toFixed(2)}x floor); ` +
      `the other ${(p2.wallSeconds - p2.requestSpanSeconds).toFixed(1)} s the engine spent before the first request and after the last`,
    `429s ${p2.pct429.toFixed(2)}% of ${p2.requests} requests (target <= ${P2_TARGETS.pct429}%): ${verdict(p2.pct429 <= P2_TARGETS.pct429)}`,
    `failed ops ${p2.failedOps} (target 0): ${verdict(p2.failedOps === 0)}${p2.failures.length ? `\n  ${p2.failures.join("\n  ")}` : ""}`,
    `peak RSS of the dynamic-provider process ${p2.peakRssMB.toFixed(1)} MB (VmHWM, sampled every 200 ms; ${p2.providerProcesses} process(es))`,
  ];
  if (p2.ratioToFloor > P2_TARGETS.ratio) {
    lines.push(
      `  Why above ${P2_TARGETS.ratio}: the wall time includes the engine's start-up, program run and diff of 50 bindings ` +
        "before the first request and its finish after the last (see the split above), and after each spent window the " +
        "client waits until 1 s past the window's reset (the Date header has whole seconds) before sending again.",
    );
  }
  if (p2.pct429 > P2_TARGETS.pct429) {
    lines.push(
      `  Why above ${P2_TARGETS.pct429}% 429s: the client's estimate of a window's remaining budget runs a few requests ahead of the ` +
        "server's. At a window's start it sends without counting until the first response of the new window arrives; after " +
        "that it keeps the lower of its own count and the last X-Rate-Limit-Remaining header, and with up to 8 requests in " +
        "flight (the engine's default --parallel 8) that header is already stale on arrival. So the last requests it spreads " +
        "over a window meet 429; each waits for the next window and succeeds then.",
    );
  }
  return lines.join("\n");
}
