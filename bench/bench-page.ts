/**
 * Shared by the bench scripts: the real server with a fresh production build, Chromium, and a scripted busy page
 * (a 200-row table whose cells update every 100 ms, like a live dashboard) served next to the widget.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { buildAll } from "../scripts/build.js";
import { launchBrowser, startTestServer, type TestServer } from "../tests/e2e/harness.js";
import { ROOT } from "../tests/helpers/paths.js";

export const BENCH_DIST = `${ROOT}.tmp/bench-dist`;

export async function startBench(): Promise<{ server: TestServer; browser: Browser; close(): Promise<void> }> {
  await buildAll({ outDir: BENCH_DIST, quiet: true });
  const [server, browser] = await Promise.all([startTestServer({ distDir: BENCH_DIST }), launchBrowser()]);
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export type Variant = "none" | "rrweb-defaults" | "handoff";

const BUSY_BODY = `<h1>Live orders</h1><table id="t"><tbody></tbody></table>
<script>
  const body = document.querySelector("#t tbody");
  for (let i = 0; i < 200; i++) {
    const tr = document.createElement("tr");
    for (let j = 0; j < 6; j++) { const td = document.createElement("td"); td.textContent = "r" + i + "c" + j; tr.appendChild(td); }
    body.appendChild(tr);
  }
  let n = 0;
  setInterval(() => {
    n++;
    for (let k = 0; k < 40; k++) {
      const row = body.rows[(n * 7 + k * 13) % 200];
      row.cells[(n + k) % 6].textContent = (Math.random() * 1000).toFixed(2);
      row.style.background = (n + k) % 2 ? "#fff" : "#f5f7ff";
    }
  }, 100);
</script>`;

/** Serves the busy page at <server>/bench/busy with no recorder, rrweb with default options, or the Handoff widget. */
export function openBusyPage(page: Page, server: TestServer, variant: Variant): Promise<void> {
  return openBenchPage(page, server, variant, { path: "/bench/busy", title: "Busy", body: BUSY_BODY });
}

/** Serves `body` at <server><path> with no recorder, rrweb with default options, or the Handoff widget, and opens it. */
export async function openBenchPage(
  page: Page,
  server: TestServer,
  variant: Variant,
  html: { path: string; title: string; body: string },
): Promise<void> {
  const url = `${server.url}${html.path}`;
  const rrweb = readFileSync(`${ROOT}node_modules/@rrweb/record/dist/record.js`, "utf8");
  await page.route(`${server.url}/bench/rrweb.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: rrweb }),
  );
  const tail =
    variant === "rrweb-defaults"
      ? `<script type="module">import { record } from "/bench/rrweb.js"; window.events = []; record({ emit: (e) => window.events.push(e) });</script>`
      : variant === "handoff"
        ? `<script src="/widget.js" data-site-key="pk_demo" async></script>`
        : "";
  await page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>${html.title}</title></head><body>${html.body}${tail}</body></html>`,
    }),
  );
  await page.goto(url);
}

/** Mouse moves, scrolls and clicks a person might make, for `ms` milliseconds. */
export async function actLikeAUser(page: Page, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (let i = 0; Date.now() < end; i++) {
    await page.mouse.move(100 + ((i * 37) % 600), 100 + ((i * 53) % 400), { steps: 4 });
    if (i % 10 === 0) await page.mouse.wheel(0, i % 20 === 0 ? 300 : -300);
    if (i % 25 === 0) await page.mouse.click(200, 150 + (i % 300));
    await page.waitForTimeout(50);
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
