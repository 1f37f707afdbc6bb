/**
 * Main-thread time the recorder adds on a busy page, from CDP Performance.getMetrics TaskDuration, in alternating
 * runs: no recorder / @rrweb/record with default options / the Handoff widget. Target: Handoff adds at most 0.8x
 * what rrweb defaults add.   npx tsx bench/recorder-overhead.ts [rounds=3] [seconds=10]
 */
import { actLikeAUser, median, openBusyPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 10);
const bench = await startBench();
const results: Record<Variant, number[]> = { none: [], "rrweb-defaults": [], handoff: [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const variant of ["none", "rrweb-defaults", "handoff"] as Variant[]) {
      const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      await openBusyPage(page, bench.server, variant);
      await page.waitForTimeout(4000); // the widget loads its recorder once the page is idle: measure after that
      const taskDuration = async () =>
        ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) as number;
      const before = await taskDuration();
      await actLikeAUser(page, seconds * 1000);
      const spent = (await taskDuration()) - before;
      results[variant].push(spent);
      console.log(`round ${round + 1} ${variant.padEnd(15)} TaskDuration ${(spent * 1000).toFixed(0)} ms over ${seconds} s`);
      await context.close();
    }
  }
} finally {
  await bench.close();
}
const base = median(results.none);
const rrweb = median(results["rrweb-defaults"]) - base;
const ours = median(results.handoff) - base;
console.log(`\nmedian TaskDuration without recorder: ${(base * 1000).toFixed(0)} ms`);
console.log(`rrweb defaults add ${(rrweb * 1000).toFixed(0)} ms (${((rrweb / base) * 100).toFixed(1)} %)`);
console.log(`Handoff adds        ${(ours * 1000).toFixed(0)} ms (${((ours / base) * 100).toFixed(1)} %)`);
if (rrweb <= 0) console.log("rrweb defaults added nothing measurable: the runs were too noisy for a ratio (run again on an idle machine, with more rounds)");
else console.log(`ratio Handoff / rrweb defaults: ${(ours / rrweb).toFixed(2)} (target <= 0.80: ${ours / rrweb <= 0.8 ? "ok" : "OVER"})`);
