/**
 * The rrweb patch's cost for one batch of the busy page's changes (bench-page.ts: 5 ticks of 40 cells and row styles),
 * A/B against the patch at another git ref and against unpatched rrweb, in one Chromium. Timed in the page around the
 * changes, the observer's callbacks and the flush; the variants alternate page by page. Less noisy than
 * recorder-overhead.ts on this shared 2-core machine (preemption only ever adds time, so low quantiles are the better
 * guide), but not quiet: one pair of patches gave p10 ratios of 0.64 to 1.04 over five runs under load; run it a few
 * times. It measures the batch processing only: not event handlers, not the widget's own emit work, not
 * garbage collected later. The verdict stays recorder-overhead.ts's.
 *   npx tsx bench/recorder-batch.ts [ref=HEAD~1] [batches=80] [pages=4]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { launchBrowser } from "../tests/e2e/harness.js";
import { ROOT } from "../tests/helpers/paths.js";
import {
  applyUnifiedDiff,
  dropImageOptions,
  installedRrwebVersion,
  patchRrwebRecord,
  plainEnums,
} from "../widget/build-rrweb-patch.js";

const ref = process.argv[2] ?? "HEAD~1";
const batches = Number(process.argv[3] ?? 80);
const pages = Number(process.argv[4] ?? 4);
const source = readFileSync(`${ROOT}node_modules/@rrweb/record/dist/record.js`, "utf8");
const refDiff = execFileSync("git", ["show", `${ref}:patches/@rrweb+record+${installedRrwebVersion()}.patch`], {
  cwd: ROOT,
  encoding: "utf8",
});
const code: Record<string, string> = {
  rrweb: source,
  ref: plainEnums(dropImageOptions(applyUnifiedDiff(source, refDiff))),
  now: patchRrwebRecord(source),
};
const VARIANTS = ["none", "rrweb", "ref", "now"];
// The widget's options (widget/recorder/index.ts) for the patched variants; rrweb's defaults for rrweb.
const OPTIONS = `{ blockClass: "rr-block", blockSelector: "[data-handoff-block]", maskTextClass: "rr-mask",
  maskTextSelector: '[data-handoff-mask], [contenteditable]:not([contenteditable="false"])', slimDOMOptions: "all",
  recordCanvas: false, collectFonts: false, errorHandler: () => true }`;
const PAGE = `<!doctype html><html lang="en"><head><title>Batch</title></head><body><table><tbody id="t"></tbody></table>
<script>
  const body = document.getElementById("t");
  for (let i = 0; i < 200; i++) {
    const tr = document.createElement("tr");
    for (let j = 0; j < 6; j++) { const td = document.createElement("td"); td.textContent = "r" + i + "c" + j; tr.appendChild(td); }
    body.appendChild(tr);
  }
  window.run = async (variant, batches) => {
    let record = null, events = [];
    if (variant !== "none") {
      record = (await import("/" + variant + ".js")).record;
      record(Object.assign({ emit: (e) => events.push(e) }, variant === "rrweb" ? {} : ${OPTIONS}));
      record.mutationBatch?.(1e9); // flushed below, once per batch
    }
    const times = [];
    let n = 0;
    for (let b = -10; b < batches; b++) {
      const start = performance.now();
      for (let tick = 0; tick < 5; tick++) {
        n++;
        for (let k = 0; k < 40; k++) {
          const row = body.rows[(n * 7 + k * 13) % 200];
          row.cells[(n + k) % 6].textContent = (Math.random() * 1000).toFixed(2);
          row.style.background = (n + k) % 2 ? "#fff" : "#f5f7ff";
        }
        await Promise.resolve(); // after the MutationObserver's callback
      }
      record?.flushMutations?.();
      if (b >= 0) times.push(performance.now() - start); // the first 10 warm up
      events = [];
      await new Promise((r) => setTimeout(r, 5));
    }
    return times;
  };
</script></body></html>`;

const browser = await launchBrowser();
const times: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v, []]));
try {
  for (let round = 0; round < pages; round++) {
    for (const variant of round % 2 ? [...VARIANTS].reverse() : VARIANTS) {
      const page = await browser.newPage();
      await page.route("http://bench.local/**", (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === "/") return route.fulfill({ contentType: "text/html", body: PAGE });
        return route.fulfill({ contentType: "text/javascript", body: code[path.slice(1, -3)] });
      });
      await page.goto("http://bench.local/");
      times[variant].push(...((await page.evaluate(`run(${JSON.stringify(variant)}, ${batches})`)) as number[]));
      await page.close();
    }
  }
} finally {
  await browser.close();
}
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)];
for (const v of VARIANTS)
  console.log(
    `${v.padEnd(6)} p10 ${quantile(times[v], 0.1).toFixed(2)} ms, median ${quantile(times[v], 0.5).toFixed(2)} ms a batch`,
  );
for (const q of [0.1, 0.5]) {
  const added = (v: string) => quantile(times[v], q) - quantile(times.none, q);
  console.log(
    `${q === 0.1 ? "p10" : "median"} added: rrweb ${added("rrweb").toFixed(2)} ms, ${ref} ${added("ref").toFixed(2)} ms, ` +
      `now ${added("now").toFixed(2)} ms; now / ${ref} ${(added("now") / added("ref")).toFixed(2)}, now / rrweb ${(added("now") / added("rrweb")).toFixed(2)}`,
  );
}
