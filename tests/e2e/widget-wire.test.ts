import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import {
  fileOf,
  type HostSite,
  isWidgetFile,
  markLauncher,
  measureWire,
  startHostSite,
  waitUntil,
  watchWire,
} from "./widget-wire-fixtures.js";

// The budgets of issue #12, on the wire (compressed bodies plus headers): brotli as Chromium asks for it, and gzip
// only (a proxy or browser that does not take brotli).
const BUDGET = { beforeLauncher: 10 * 1024, firstVisit: 36 * 1024, withConversations: 44 * 1024 };

describe.skipIf(!HAS_BROWSER)("widget on the wire, on a page served from another origin", () => {
  let server: TestServer;
  let browser: Browser;
  let site: HostSite;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));
  beforeAll(async () => {
    site = await startHostSite(server.url);
  });
  afterAll(() => site?.close());

  test("compressed, cached for good when hashed, revalidated by ETag, CORS on ESM chunks; the form waits for intent", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await markLauncher(page);
    const wire = await watchWire(page, server.url);
    await page.goto(`${site.origin}/app`);
    await page.getByRole("button", { name: /Help/ }).waitFor();
    await waitUntil(() => wire.done.some((r) => fileOf(r) === "recorder.js"));
    const widget = wire.done.filter(isWidgetFile);
    for (const r of widget) {
      expect(r.headers["content-encoding"], r.url).toBe("br");
      expect(r.headers.vary, r.url).toMatch(/Accept-Encoding/i);
      expect(r.headers["access-control-allow-origin"], r.url).toBe("*");
      const hashed = /-[\w-]{8}\.js$/.test(r.url);
      // Revalidated by ETag when short-lived; a hashed chunk is never revalidated, so it carries none.
      expect(r.headers.etag, r.url).toEqual(hashed ? undefined : expect.stringMatching(/^"[\w-]+"$/));
      expect(r.headers["cache-control"], r.url).toBe(
        hashed ? "public, max-age=31536000, immutable" : "public, max-age=300",
      );
    }
    // The form chunk is not downloaded with the launcher, nor while the visitor only reads the page...
    expect(widget.map(fileOf).filter((f) => f.startsWith("form-"))).toEqual([]);
    // ...but as soon as the pointer is on the launcher.
    await page.getByRole("button", { name: /Help/ }).hover();
    await waitUntil(() => wire.done.some((r) => fileOf(r).startsWith("form-")));

    // The loader is short-lived: revalidating it (Chromium sends the ETag it kept) costs a 304 and no body.
    const loader = widget.find((r) => fileOf(r) === "/widget.js")!;
    const status = await page.evaluate(async (url) => (await fetch(url, { cache: "no-cache" })).status, loader.url);
    expect(status).toBe(200); // what the page sees: its cached copy, still good
    await waitUntil(() => wire.done.filter((r) => fileOf(r) === "/widget.js").length === 2);
    const again = wire.done.filter((r) => fileOf(r) === "/widget.js")[1];
    await waitUntil(() => again.wireStatus !== 0);
    expect(again.wireStatus).toBe(304);
    expect(again.bytes).toBeLessThan(400); // headers only
    await context.close();
  });

  test.each([
    ["brotli", undefined],
    ["gzip only", "gzip"],
  ])(
    "bytes on the wire stay within the budgets (%s): before the launcher, first visit, with conversations",
    async (_label, acceptEncoding) => {
      const first = await measureWire(browser, server.url, site, { acceptEncoding });
      expect(first.beforeFiles).toEqual(["/widget.js", expect.stringMatching(/^app-[\w-]{8}\.js$/)]);
      expect(first.beforeLauncher).toBeLessThanOrEqual(BUDGET.beforeLauncher);
      expect(first.firstVisit).toBeLessThanOrEqual(BUDGET.firstVisit);
      const following = await measureWire(browser, server.url, site, { acceptEncoding, following: true });
      expect(following.files.some((f) => f.startsWith("conversation-"))).toBe(true);
      // The badge, the unread count and live updates need no form: it still waits for intent.
      expect(following.files.filter((f) => f.startsWith("form-"))).toEqual([]);
      expect(following.firstVisit).toBeLessThanOrEqual(BUDGET.withConversations);
    },
  );
});
