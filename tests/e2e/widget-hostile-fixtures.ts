/**
 * Host pages on another origin that do what real third-party pages do to their globals, DOM and headers. Each test
 * registers a page (body and response headers) and loads it; the widget comes from the test server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { type TestServer, launchBrowser, startTestServer } from "./harness.js";
import { sendTicket, storedRecording, waitForRecorder, widgetPage } from "./widget-fixtures.js";

export interface HostilePage {
  /** The page's own markup before the script tag (its scripts run first, as an app's bundle would). */
  head?: string;
  body?: string;
  /** Extra response headers, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** The script tag; defaults to one tag with the demo key. */
  tag?: (widgetOrigin: string) => string;
  /** Other files the page loads from its own origin (its scripts under a strict CSP). */
  files?: Record<string, string>;
}

export const scriptTag = (widgetOrigin: string, extra = "") =>
  `<script src="${widgetOrigin}/widget.js" data-site-key="pk_demo" ${extra} async></script>`;

export interface HostileSite {
  server: TestServer;
  browser: Browser;
  origin: string;
  /** Serves `page` at `path` on the host origin and opens it in a fresh context (a phone's, with `options`). */
  open(
    path: string,
    page: HostilePage,
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; errors: string[]; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** The host site (its own HTTP server on localhost) first, so the test server can allow its origin. */
export async function startHostileSite(): Promise<HostileSite> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const files = new Map<string, string>();
  const http: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const file = files.get(path);
    if (file !== undefined) {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      return res.end(file);
    }
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found");
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...page.headers });
    res.end(page.html);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://localhost:${(http.address() as AddressInfo).port}`;
  const [server, browser] = await Promise.all([startTestServer({ allowedOrigins: [origin] }), launchBrowser()]);
  const widgetOrigin = server.url.replace(/\/$/, "");
  return {
    server,
    browser,
    origin,
    async open(path, spec, options) {
      const tag = spec.tag ? spec.tag(widgetOrigin) : scriptTag(widgetOrigin);
      pages.set(path, {
        html: `<!doctype html><html lang="en"><head><title>Customer app</title>${spec.head ?? ""}</head><body>${spec.body ?? "<h1>Orders</h1>"}
${tag}</body></html>`,
        headers: spec.headers ?? {},
      });
      for (const [name, text] of Object.entries(spec.files ?? {})) files.set(name, text);
      const opened = await widgetPage(browser, options);
      await opened.page.goto(origin + path);
      return opened;
    },
    async close() {
      await browser.close();
      await server.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The launcher is on screen where it belongs (bottom right, fixed) and styled (accent background, not a UA button). */
export async function expectStyledLauncher(page: Page) {
  const button = page.getByRole("button", { name: /Help/ });
  await button.waitFor();
  await expect
    .poll(() =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        const box = b.getBoundingClientRect();
        return {
          position: style.position,
          background: style.backgroundColor,
          nearBottomRight: innerWidth - box.right < 60 && innerHeight - box.bottom < 60,
        };
      }),
    )
    .toEqual({ position: "fixed", background: "rgb(79, 70, 229)", nearBottomRight: true });
}

/** Waits for the recorder, sends a ticket with the recording and returns what the server stored. */
export async function sendWithRecording(site: HostileSite, page: Page, subject: string) {
  await waitForRecorder(page);
  await page.getByRole("button", { name: /Help/ }).click();
  const sent = await sendTicket(page, subject);
  await page.getByText("Recording attached.").waitFor();
  const events = await storedRecording(site.server, sent.id);
  return { ...sent, events };
}
