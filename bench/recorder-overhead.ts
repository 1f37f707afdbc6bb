/**
 * Main-thread time the recorder adds on a busy page, from CDP Performance.getMetrics: no recorder /
 * @rrweb/record with default options / the Handoff widget (recorder, capture and launcher: everything it adds).
 * The machine is shared and noisy, so: many rounds, the order of the three variants rotates every round, and each
 * round yields its own paired ratio (Handoff's added time / rrweb's added time, both against that round's run
 * without a recorder). Prints the median ratio and its spread (quartiles, min-max). Target: <= 0.80.
 * The metric is ScriptDuration by default: a recorder's work is script (MutationObserver callbacks, serialization,
 * event handlers), and it is the one metric steady from run to run here (the page's own script: 52-64 ms in 8 s).
 * ThreadTime and TaskDuration also hold the page's layout and paint of its live table, which swing by +-150 ms between
 * identical runs, more than the recorders add: their pooled ratios are printed too, for reference.
 *   npx tsx bench/recorder-overhead.ts [rounds=9] [seconds=8]       METRIC=ThreadTime npx tsx ... for another
 */
import { actLikeAUser, median, openBusyPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 9);
const seconds = Number(process.argv[3] ?? 8);
const METRIC = process.env.METRIC || "ScriptDuration";
const OTHERS = ["ThreadTime", "TaskDuration"].filter((m) => m !== METRIC);
const VARIANTS: Variant[] = ["none", "rrweb-defaults", "handoff"];
const bench = await startBench();
const results: Record<Variant, number[]> = { none: [], "rrweb-defaults": [], handoff: [] };
const ratios: number[] = [];
// Summed over all rounds, the noise of single rounds averages out: sum(Handoff added) / sum(rrweb added).
const added = { rrweb: 0, handoff: 0 };
const addedOther = Object.fromEntries(OTHERS.map((m) => [m, { rrweb: 0, handoff: 0 }]));

async function measure(variant: Variant): Promise<Record<string, number>> {
  const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await openBusyPage(page, bench.server, variant);
    await page.waitForTimeout(4000); // the widget loads its recorder once the page is idle: measure after that
    const metrics = async () =>
      Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    await actLikeAUser(page, seconds * 1000);
    const after = await metrics();
    return Object.fromEntries([METRIC, ...OTHERS].map((m) => [m, (after[m] ?? 0) - (before[m] ?? 0)]));
  } finally {
    await context.close();
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const i = (sorted.length - 1) * q;
  return sorted[Math.floor(i)] + (sorted[Math.ceil(i)] - sorted[Math.floor(i)]) * (i - Math.floor(i));
};
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;

try {
  for (let round = 0; round < rounds; round++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    const spent = {} as Record<Variant, number>;
    const other = {} as Record<Variant, Record<string, number>>;
    for (const variant of order) {
      other[variant] = await measure(variant);
      spent[variant] = other[variant][METRIC]!;
      results[variant].push(spent[variant]);
    }
    for (const m of OTHERS) {
      addedOther[m]!.rrweb += other["rrweb-defaults"][m]! - other.none[m]!;
      addedOther[m]!.handoff += other.handoff[m]! - other.none[m]!;
    }
    const rrweb = spent["rrweb-defaults"] - spent.none;
    const ours = spent.handoff - spent.none;
    added.rrweb += rrweb;
    added.handoff += ours;
    // A round where rrweb seemingly added nothing says only that the noise won: no ratio from it.
    if (rrweb > 0) ratios.push(ours / rrweb);
    console.log(
      `round ${round + 1} (${order.join(" > ")}): none ${ms(spent.none)}, rrweb +${ms(rrweb)}, handoff +${ms(ours)}` +
        (rrweb > 0 ? `, ratio ${(ours / rrweb).toFixed(2)}` : ", no ratio (rrweb added nothing measurable)"),
    );
  }
} finally {
  await bench.close();
}
const base = median(results.none);
const rrweb = median(results["rrweb-defaults"]) - base;
const ours = median(results.handoff) - base;
console.log(
  `\n${METRIC} over ${seconds} s, medians of ${rounds} rounds: none ${ms(base)} (spread ${ms(Math.min(...results.none))}-${ms(Math.max(...results.none))})`,
);
console.log(
  `rrweb defaults add ${ms(rrweb)} (${((rrweb / base) * 100).toFixed(1)} %); Handoff adds ${ms(ours)} (${((ours / base) * 100).toFixed(1)} %)`,
);
if (added.rrweb > 0)
  console.log(`pooled ratio over all rounds (sum of added time): ${(added.handoff / added.rrweb).toFixed(2)}`);
for (const m of OTHERS) {
  const a = addedOther[m]!;
  console.log(
    `  for reference, ${m} (noisy, see above): rrweb +${ms(a.rrweb / rounds)}, Handoff +${ms(a.handoff / rounds)} a round` +
      (a.rrweb > 0 ? `, pooled ratio ${(a.handoff / a.rrweb).toFixed(2)}` : ""),
  );
}
if (!ratios.length)
  console.log("no usable round: the runs were too noisy (run again on an idle machine, with more rounds)");
else
  console.log(
    `paired ratio Handoff / rrweb defaults over ${ratios.length} rounds: median ${median(ratios).toFixed(2)}, ` +
      `quartiles ${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}, min-max ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} ` +
      `(target <= 0.80: ${median(ratios) <= 0.8 ? "ok" : "OVER"})`,
  );
