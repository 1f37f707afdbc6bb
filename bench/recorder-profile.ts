/**
 * Where a recorder spends its main-thread time on the busy page (bench-page.ts): one CDP CPU profile over the same
 * scripted activity as recorder-overhead.ts, printed as inclusive and self time per function. Use it to find the next
 * lever; the verdict is recorder-overhead.ts's. Readable names need unminified chunks:
 *   HANDOFF_NO_MINIFY=1 npx tsx bench/recorder-profile.ts [handoff|rrweb-defaults|none] [seconds=8]
 * PROFILE_OUT=file.cpuprofile also saves the profile (Chromium's DevTools open it: Performance > Load profile).
 */
import { writeFileSync } from "node:fs";
import { actLikeAUser, openBusyPage, startBench, type Variant } from "./bench-page.js";

const variant = (process.argv[2] ?? "handoff") as Variant;
const seconds = Number(process.argv[3] ?? 8);
const bench = await startBench();
try {
  const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await openBusyPage(page, bench.server, variant);
  await page.waitForTimeout(4000); // the widget loads its recorder once the page is idle
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await actLikeAUser(page, seconds * 1000);
  const { profile } = await cdp.send("Profiler.stop");
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

  const selfMs = new Map<number, number>();
  for (const [i, id] of profile.samples!.entries())
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0) / 1000);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() || ""}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of selfMs) {
    const own = name(id);
    if (/^\((idle|program|root)\)/.test(own)) continue;
    busy += ms;
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(at);
      if (seen.has(key) || /^\(root\)/.test(key)) continue;
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      seen.add(key);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join("\n");
  console.log(
    `${variant}: ${busy.toFixed(0)} ms of main-thread script in ${seconds} s\n\ninclusive:\n${top(inclusive)}\n\nself:\n${top(self)}`,
  );
} finally {
  await bench.close();
}
