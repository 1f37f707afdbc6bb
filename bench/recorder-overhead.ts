/**
 * Main-thread time the recorder adds on a busy page, from CDP Performance.getMetrics: no recorder /
 * @rrweb/record with default options / the Handoff widget (recorder, capture and launcher: everything it adds).
 * The machine is shared and noisy, so: many rounds, the order of the three variants rotates every round, and each
 * round yields its own paired ratio (Handoff's added time / rrweb's added time, both against that round's run
 * without a recorder). Prints the median ratio and its spread (quartiles, min-max). Target: <= 0.80.
 * The metric is ThreadTime (CPU time of the page's main thread) by default: TaskDuration is wall time, which grows
 * with whatever else runs on the machine. `METRIC=TaskDuration npx tsx ...` for the other.
 *   npx tsx bench/recorder-overhead.ts [rounds=9] [seconds=8]
 */
import { actLikeAUser, median, openBusyPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 9);
const seconds = Number(process.argv[3] ?? 8);
const METRIC = process.env.METRIC || "ThreadTime";
const VARIANTS: Variant[] = ["none", "rrweb-defaults", "handoff"];
const bench = await startBench();
const results: Record<Variant, number[]> = { none: [], "rrweb-defaults": [], handoff: [] };
const ratios: number[] = [];
// Summed over all rounds, the noise of single rounds averages out: sum(Handoff added) / sum(rrweb added).
const added = { rrweb: 0, handoff: 0 };

async function measure(variant: Variant): Promise<number> {
  const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await openBusyPage(page, bench.server, variant);
    await page.waitForTimeout(4000); // the widget loads its recorder once the page is idle: measure after that
    const taskDuration = async () =>
      ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === METRIC)?.value ?? 0) as number;
    const before = await taskDuration();
    await actLikeAUser(page, seconds * 1000);
    return (await taskDuration()) - before;
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
    for (const variant of order) {
      spent[variant] = await measure(variant);
      results[variant].push(spent[variant]);
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
console.log(`\n${METRIC} over ${seconds} s, medians of ${rounds} rounds: none ${ms(base)} (spread ${ms(Math.min(...results.none))}-${ms(Math.max(...results.none))})`);
console.log(`rrweb defaults add ${ms(rrweb)} (${((rrweb / base) * 100).toFixed(1)} %); Handoff adds ${ms(ours)} (${((ours / base) * 100).toFixed(1)} %)`);
if (added.rrweb > 0) console.log(`pooled ratio over all rounds (sum of added time): ${(added.handoff / added.rrweb).toFixed(2)}`);
if (!ratios.length) console.log("no usable round: the runs were too noisy (run again on an idle machine, with more rounds)");
else
  console.log(
    `paired ratio Handoff / rrweb defaults over ${ratios.length} rounds: median ${median(ratios).toFixed(2)}, ` +
      `quartiles ${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}, min-max ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} ` +
      `(target <= 0.80: ${median(ratios) <= 0.8 ? "ok" : "OVER"})`,
  );
