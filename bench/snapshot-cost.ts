/**
 * What a recorder costs when it takes a full snapshot of a large page (a CRM list of 2,000 rows with names, emails,
 * amounts and links, and a long article): the work of the first snapshot happens as the page loads, and again at
 * every checkout of the rolling buffer, so on a large page it is the jank a user can feel. recorder-overhead.ts
 * measures the steady state after load and never sees it.
 * Per round and variant (none / rrweb with default options / the Handoff widget): task time (CDP TaskDuration) from
 * navigation until 5 s later, its script, layout and style parts, and the longest task (PerformanceObserver
 * "longtask"). Prints medians and the paired ratio of the added task time (Handoff / rrweb). Task time, not script
 * time: here Handoff's snapshot shows as a long task but barely in ScriptDuration, unlike rrweb's.
 *   npx tsx bench/snapshot-cost.ts [rounds=5] [rows=2000]
 */
import { median, openBenchPage, startBench, type Variant } from "./bench-page.js";

const rounds = Number(process.argv[2] ?? 5);
const rows = Number(process.argv[3] ?? 2000);
const VARIANTS: Variant[] = ["none", "rrweb-defaults", "handoff"];
const bench = await startBench();

const LARGE_BODY = `<script>
  window.longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); })
    .observe({ type: "longtask", buffered: true });
</script>
<h1>Contacts</h1><table><thead><tr><th>Name</th><th>Email</th><th>Company</th><th>Plan</th><th>MRR</th><th>Owner</th><th></th></tr></thead><tbody id="rows"></tbody></table>
<article id="notes"></article>
<script>
  const first = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Inés", "Jonas"];
  const last = ["Silva", "Okafor", "Martin", "Ivanov", "Novak", "Haddad", "Lee", "Tanaka", "García", "Berg"];
  const tbody = document.getElementById("rows");
  let html = "";
  for (let i = 0; i < ${rows}; i++) {
    const f = first[i % 10], l = last[(i * 7) % 10];
    html += "<tr><td>" + f + " " + l + "</td><td><a href='mailto:" + f.toLowerCase() + "." + l.toLowerCase() + i + "@example.com'>"
      + f.toLowerCase() + "." + l.toLowerCase() + i + "@example.com</a></td><td title='Company " + i + "'>Company " + i
      + " GmbH</td><td>" + (i % 3 ? "Team" : "Enterprise") + "</td><td>€" + (i * 37 % 5000) + ".00</td><td>Owner "
      + (i % 12) + "</td><td><button aria-label='Edit " + f + " " + l + "'>Edit</button></td></tr>";
  }
  tbody.innerHTML = html;
  let text = "";
  for (let i = 0; i < 200; i++) text += "<p>Meeting notes " + i + ": the customer asked about invoices, SSO and the export of "
    + "their reports; follow up next week with the renewal quote and the onboarding plan for the new team.</p>";
  document.getElementById("notes").innerHTML = text;
</script>`;

async function measure(
  variant: Variant,
): Promise<{ task: number; script: number; longest: number; layout: number; style: number }> {
  const context = await bench.browser.newContext({ viewport: { width: 1200, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await openBenchPage(page, bench.server, variant, { path: "/bench/large", title: "Contacts", body: LARGE_BODY });
    // The widget loads its recorder once the page is idle; 5 s covers that and the snapshot on this box.
    await page.waitForTimeout(5000);
    const metrics = Object.fromEntries(
      (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]),
    );
    const longest = (await page.evaluate(() => (window as unknown as { longest: number }).longest)) ?? 0;
    return {
      task: (metrics.TaskDuration ?? 0) * 1000,
      script: (metrics.ScriptDuration ?? 0) * 1000,
      longest,
      layout: (metrics.LayoutDuration ?? 0) * 1000,
      style: (metrics.RecalcStyleDuration ?? 0) * 1000,
    };
  } finally {
    await context.close();
  }
}

const empty = () => ({
  task: [] as number[],
  script: [] as number[],
  longest: [] as number[],
  layout: [] as number[],
  style: [] as number[],
});
const results: Record<Variant, ReturnType<typeof empty>> = {
  none: empty(),
  "rrweb-defaults": empty(),
  handoff: empty(),
};
const ratios: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    const spent = {} as Record<Variant, number>;
    for (const variant of VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length])) {
      const r = await measure(variant);
      results[variant].task.push(r.task);
      results[variant].script.push(r.script);
      results[variant].longest.push(r.longest);
      results[variant].layout.push(r.layout);
      results[variant].style.push(r.style);
      spent[variant] = r.task;
    }
    ratios.push((spent.handoff - spent.none) / (spent["rrweb-defaults"] - spent.none));
    console.log(
      `round ${round + 1}: task none ${spent.none.toFixed(0)} / rrweb ${spent["rrweb-defaults"].toFixed(0)} / handoff ${spent.handoff.toFixed(0)} ms`,
    );
  }
  console.log(`\n${rows} rows, ${rounds} rounds (medians)`);
  for (const v of VARIANTS)
    console.log(
      `${v.padEnd(15)} task ${median(results[v].task).toFixed(0)} ms, script ${median(results[v].script).toFixed(0)} ms, layout ${median(results[v].layout).toFixed(0)} ms, style ${median(results[v].style).toFixed(0)} ms, longest task ${median(results[v].longest).toFixed(0)} ms`,
    );
  console.log(
    `added task time, Handoff / rrweb: median ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
  );
} finally {
  await bench.close();
}
