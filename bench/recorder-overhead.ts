/**
 * Main-thread time the recorder adds on a busy page, from CDP Performance.getMetrics: no recorder /
 * @rrweb/record with default options / the Handoff widget (recorder, capture and launcher: everything it adds).
 * The machine is shared and noisy, so: many rounds, the order of the three variants rotates every round, and each
 * round yields its own paired ratio (Handoff's added time / rrweb's added time, both against that round's run
 * without a recorder). Prints the median ratio and its spread (quartiles, min-max). Target: <= 0.80.
 * The metric is ScriptDuration by default: a recorder's work is script (MutationObserver callbacks, serialization,
 * event handlers), and it is the one metric steady from run to run here (the page's own script: 52-64 ms in 8 s).
 * ThreadTime and TaskDuration also hold the page's layout and paint of its live table, which swing by +-150 ms between
 * identical runs, more than the recorders add: their pooled ratios are printed too, for reference, with their paired
 * medians and quartiles (how far one round's figure can be trusted). So is what the recorders do to the page's
 * rendering: layouts and style recalculations per variant (counts and time; a recorder forcing any would add to the
 * counts), and task time less layout and style time ("outside rendering"), printed when the counts show no recorder
 * added a layout or a style recalculation (then what is left out is the page's own work, the same in all three).
 * `npx tsx bench/recorder-trace.ts` shows the same split from a Chromium trace, with forced layouts and script by source.
 * Handoff's recorder loads once the page is idle: a round measures after it has (its first snapshot is not in the window,
 * as rrweb's, taken at load, is not).
 *   npx tsx bench/recorder-overhead.ts [rounds=9] [seconds=8]       METRIC=ThreadTime npx tsx ... for another
 */
import { actLikeAUser, median, openBusyPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 9);
const seconds = Number(process.argv[3] ?? 8);
const METRIC = process.env.METRIC || "ScriptDuration";
const OUTSIDE = "TaskDuration outside rendering";
const OTHERS = ["ThreadTime", "TaskDuration", OUTSIDE].filter((m) => m !== METRIC);
const RENDERING = ["LayoutCount", "RecalcStyleCount", "LayoutDuration", "RecalcStyleDuration"];
const VARIANTS: Variant[] = ["none", "rrweb-defaults", "handoff"];
const bench = await startBench();
const results: Record<Variant, number[]> = { none: [], "rrweb-defaults": [], handoff: [] };
const ratios: number[] = [];
// Summed over all rounds, the noise of single rounds averages out: sum(Handoff added) / sum(rrweb added).
const added = { rrweb: 0, handoff: 0 };
const addedOther = Object.fromEntries(OTHERS.map((m) => [m, { rrweb: 0, handoff: 0 }]));
const pairedOther = Object.fromEntries(OTHERS.map((m) => [m, [] as number[]]));
const rendering = Object.fromEntries(
  VARIANTS.map((v) => [v, Object.fromEntries(RENDERING.map((m) => [m, [] as number[]]))]),
);

async function measure(variant: Variant): Promise<Record<string, number>> {
  const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await openBusyPage(page, bench.server, variant);
    await page.waitForTimeout(4000); // the widget loads its recorder once the page is idle: measure after that
    if (variant === "handoff") {
      // On a loaded box the page's idle time can come late: wait for the recorder's chunk, then for its first snapshot.
      await page.waitForFunction(
        () => performance.getEntriesByType("resource").some((e) => /\/widget\/recorder\.js/.test(e.name)),
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(1000);
    }
    const metrics = async () =>
      Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    await actLikeAUser(page, seconds * 1000);
    const after = await metrics();
    const spent = (m: string) => (after[m] ?? 0) - (before[m] ?? 0);
    return Object.fromEntries([
      ...[METRIC, ...OTHERS, ...RENDERING].map((m) => [m, spent(m)]),
      [OUTSIDE, spent("TaskDuration") - spent("LayoutDuration") - spent("RecalcStyleDuration")],
    ]);
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
      const r = other["rrweb-defaults"][m]! - other.none[m]!;
      addedOther[m]!.rrweb += r;
      addedOther[m]!.handoff += other.handoff[m]! - other.none[m]!;
      if (r > 0) pairedOther[m]!.push((other.handoff[m]! - other.none[m]!) / r);
    }
    for (const v of VARIANTS) for (const m of RENDERING) rendering[v]![m]!.push(other[v][m]!);
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
const counts = (v: Variant) => RENDERING.slice(0, 2).map((m) => median(rendering[v]![m]!));
// Frames (one layout and one style recalculation each here) vary by a few with timing; a recorder forcing layouts
// would add one per change it records, dozens a second.
const sameRendering = VARIANTS.every((v) =>
  counts(v).every((c, i) => Math.abs(c - counts("none")[i]!) <= Math.max(2, counts("none")[i]! * 0.05)),
);
console.log(
  `page rendering (medians): ${VARIANTS.map(
    (v) =>
      `${v} ${median(rendering[v]!.LayoutCount!)} layouts ${ms(median(rendering[v]!.LayoutDuration!))}, ` +
      `${median(rendering[v]!.RecalcStyleCount!)} style recalcs ${ms(median(rendering[v]!.RecalcStyleDuration!))}`,
  ).join("; ")}`,
);
for (const m of OTHERS) {
  const a = addedOther[m]!;
  const paired = pairedOther[m]!;
  if (m === OUTSIDE && !sameRendering) {
    console.log(`  ${m}: not printed, the recorders changed how often the page lays out or recalculates style`);
    continue;
  }
  console.log(
    `  for reference, ${m} (noisy, see above): rrweb +${ms(a.rrweb / rounds)}, Handoff +${ms(a.handoff / rounds)} a round` +
      (a.rrweb > 0 ? `, pooled ratio ${(a.handoff / a.rrweb).toFixed(2)}` : "") +
      (paired.length
        ? `, paired median ${median(paired).toFixed(2)} (quartiles ${quantile(paired, 0.25).toFixed(2)}-${quantile(paired, 0.75).toFixed(2)}, ${paired.length} rounds)`
        : ""),
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
