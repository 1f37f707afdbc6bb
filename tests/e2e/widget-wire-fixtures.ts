/**
 * What a visitor's browser downloads of the widget, on the wire: a host page on another origin (its own little HTTP
 * server) embeds the script tag; Chromium's CDP reports every response's bytes (Network.loadingFinished
 * encodedDataLength: compressed body plus headers) and headers. "Before the launcher" = responses that ended before
 * the help button was first on screen (a requestAnimationFrame poll in the page; CDP's wall time for the responses).
 * Used by tests/e2e/widget-wire.test.ts and bench/widget-size.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, CDPSession, Page } from "playwright-core";

export interface WireResponse {
  url: string;
  /** As the page sees it: a revalidated cache entry shows 200 here... */
  status: number;
  /** ...and 304 here, as it came over the wire. */
  wireStatus: number;
  headers: Record<string, string>;
  bytes: number;
  /** Wall-clock ms when the last byte arrived. */
  endedAt: number;
}

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

/** A third-party site: every path answers with a page that embeds the widget from `widgetOrigin`. */
export async function startHostSite(widgetOrigin: string, attributes = ""): Promise<HostSite> {
  const html = `<!doctype html><html lang="en"><head><title>Customer app</title></head><body><h1>Orders</h1>
<p>Nothing to see here.</p>
<script src="${widgetOrigin}/widget.js" data-site-key="pk_demo" data-api-origin="${widgetOrigin}" ${attributes} async></script>
</body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(html);
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.HANDOFF_TEST_PORT) + 1 || 0, "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Records every response from `origin` (the widget's server) with its wire size and headers. */
export async function watchWire(page: Page, origin: string, acceptEncoding?: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const pending = new Map<string, WireResponse>();
  const done: WireResponse[] = [];
  // CDP timestamps are monotonic seconds; requestWillBeSent also gives the wall time, to line them up with the page.
  const wallOffset = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!e.request.url.startsWith(origin)) return;
    wallOffset.set(e.requestId, e.wallTime * 1000 - e.timestamp * 1000);
    pending.set(e.requestId, { url: e.request.url, status: 0, wireStatus: 0, headers: {}, bytes: 0, endedAt: 0 });
  });
  cdp.on("Network.responseReceived", (e) => {
    const response = pending.get(e.requestId);
    if (!response) return;
    response.status = e.response.status;
    for (const [k, v] of Object.entries(e.response.headers)) response.headers[k.toLowerCase()] = String(v);
  });
  // Chromium may report the raw response's status after loadingFinished: keep each response findable by id.
  const byId = new Map<string, WireResponse>();
  cdp.on("Network.responseReceivedExtraInfo", (e) => {
    const response = pending.get(e.requestId) ?? byId.get(e.requestId);
    if (response) response.wireStatus = e.statusCode;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const response = pending.get(e.requestId);
    if (!response) return;
    pending.delete(e.requestId);
    byId.set(e.requestId, response);
    response.bytes = e.encodedDataLength;
    response.endedAt = e.timestamp * 1000 + (wallOffset.get(e.requestId) ?? 0);
    done.push(response);
  });
  cdp.on("Network.loadingFailed", (e) => void pending.delete(e.requestId));
  await cdp.send("Network.enable");
  if (acceptEncoding) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": acceptEncoding } });
  return { done, pending, cdp };
}

/** Notes in the page when the launcher is first on screen (performance.now()), for the before/after split. */
export async function markLauncher(page: Page) {
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  await page.addInitScript(`(() => {
    const check = () => {
      const button = document.getElementById("handoff-widget")?.shadowRoot?.querySelector("button");
      if (button && button.getBoundingClientRect().width > 0) window.__launcherAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
}

export const isWidgetFile = (r: WireResponse) => /^\/widget(\.js$|\/)/.test(new URL(r.url).pathname);
export const fileOf = (r: WireResponse) => new URL(r.url).pathname.replace(/^\/widget\//, "");

/** Wall-clock ms when the launcher was first on screen. */
export function launcherShownAt(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin + (window as unknown as { __launcherAt: number }).__launcherAt);
}

export interface WireFigures {
  beforeLauncher: number;
  firstVisit: number;
  beforeFiles: string[];
  files: string[];
}

/**
 * Loads the host page in a fresh context and waits for the launcher, then for the recorder and for every widget
 * request to end. `following`: the browser already filed a ticket, so the conversation chunk loads too.
 */
export async function measureWire(
  browser: Browser,
  widgetOrigin: string,
  site: HostSite,
  options: { acceptEncoding?: string; following?: boolean } = {},
): Promise<WireFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    if (options.following)
      await page.addInitScript(() => localStorage.setItem("handoff:customer:pk_demo", "wire-bench-browser"));
    await markLauncher(page);
    const wire = await watchWire(page, widgetOrigin, options.acceptEncoding);
    await page.goto(`${site.origin}/app`);
    await page.waitForFunction(() => (window as unknown as { __launcherAt?: number }).__launcherAt !== undefined);
    const wanted = (f: string) => wire.done.some((r) => fileOf(r).startsWith(f));
    await waitUntil(
      () => wanted("recorder.js") && wanted("capture-") && (!options.following || wanted("conversation-")),
    );
    // Then until the page is idle with nothing of ours in flight (chunks the recorder imports, for instance).
    for (let i = 0; i < 3; i++) {
      await waitUntil(() => ![...wire.pending.values()].some(isWidgetFile));
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 })));
    }
    const shownAt = await launcherShownAt(page);
    const widget = wire.done.filter(isWidgetFile);
    const sum = (list: WireResponse[]) => list.reduce((s, r) => s + r.bytes, 0);
    const early = widget.filter((r) => r.endedAt <= shownAt);
    return {
      beforeLauncher: sum(early),
      firstVisit: sum(widget),
      beforeFiles: early.map(fileOf),
      files: widget.map((r) => `${fileOf(r)} ${r.bytes} B ${r.headers["content-encoding"] ?? "identity"}`),
    };
  } finally {
    await context.close();
  }
}

/** Polls a condition (no fixed sleeps): resolves when it holds, fails after `ms`. */
export async function waitUntil(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
