// Prints P3: no-change preview times of 200 bindings vs 200 no-op dynamic resources, and the `__provider` size.
import { P3_RUNS, type P3Detail } from "./p3-overhead";
import { formatTable } from "./table";

export const P3_TARGETS = { ratio: 1.3, providerBytes: 4096, callsPerRun: 1 };
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** The P3 table, verdicts, and plain reasons for any target missed. */
export function p3Report(p3: P3Detail): string {
  const lines = [
    `P3 - pulumi preview with no changes (no refresh), ${P3_RUNS} runs of each stack, interleaved`,
    formatTable(
      ["stack (200 resources)", "runs s", "median s"],
      [
        ["bindings", p3.bindingRuns.map((s) => s.toFixed(2)).join(", "), p3.bindingMedian.toFixed(2)],
        ["no-op dynamic resources", p3.noopRuns.map((s) => s.toFixed(2)).join(", "), p3.noopMedian.toFixed(2)],
      ],
    ),
    `ratio ${p3.ratio.toFixed(2)} (target <= ${P3_TARGETS.ratio}): ${verdict(p3.ratio <= P3_TARGETS.ratio)}`,
    `Okta calls per steady-state preview of 200 bindings: ${p3.previewCalls.join(", ")} ` +
      `(target: 0 per binding, at most ${P3_TARGETS.callsPerRun} per run to prove the credentials): ` +
      `${verdict(p3.previewCalls.every((n) => n <= P3_TARGETS.callsPerRun))}`,
    `__provider per binding ${p3.providerBytes} bytes (no-op resource: ${p3.noopProviderBytes}) ` +
      `(target <= ${P3_TARGETS.providerBytes}): ${verdict(p3.providerBytes <= P3_TARGETS.providerBytes)}`,
    `state per resource ${p3.stateBytes} bytes (no-op resource: ${p3.noopStateBytes}): the engine sends it with each check and diff`,
  ];
  if (p3.ratio > P3_TARGETS.ratio) {
    lines.push(
      `  Why above ${P3_TARGETS.ratio}: the provider's own check and diff take well under 1 ms a binding; the engine's ` +
        "check and diff calls carry each binding's state (names, planned targets, declared keys) and take longer with it, " +
        "and timing noise from anything else running on the machine adds to either side.",
    );
  }
  if (p3.providerBytes > P3_TARGETS.providerBytes) {
    lines.push(`  Why above ${P3_TARGETS.providerBytes} bytes: the serialized provider closure captures more than the shim's module name.`);
  }
  return lines.join("\n");
}
