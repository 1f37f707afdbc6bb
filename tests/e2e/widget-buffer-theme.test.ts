import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import {
  form,
  hostPage,
  openWidget,
  previewText,
  sendTicket,
  storedRecording,
  waitForRecorder,
  widgetPage,
} from "./widget-fixtures.js";

type Event = { type: number; timestamp: number };
const META = 4;
const FULL_SNAPSHOT = 2;

/** Changes a paragraph's text every 100 ms with `bytes` of fresh text: a page that keeps the recorder busy. */
function churn(page: Page, bytes: number) {
  return page.evaluate((size) => {
    const p = document.getElementById("live")!;
    let n = 0;
    (window as unknown as { produced: number }).produced = 0;
    setInterval(() => {
      const text = `${++n} `.padEnd(size, String.fromCharCode(97 + (n % 26)));
      p.textContent = text;
      (window as unknown as { produced: number }).produced += text.length;
    }, 100);
  }, bytes);
}

/** A replayable recording: each segment is a Meta event followed by its full snapshot, the first one first. */
function expectReplayable(events: Event[]) {
  expect(events[0].type).toBe(META);
  expect(events[1].type).toBe(FULL_SNAPSHOT);
  expect(events.filter((e) => e.type === META).length).toBe(events.filter((e) => e.type === FULL_SNAPSHOT).length);
}

const spanSeconds = (events: Event[]) => (events[events.length - 1].timestamp - events[0].timestamp) / 1000;

describe.skipIf(!HAS_BROWSER)("widget recording buffer, theming and the ESM entry", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the recording keeps the window (data-window-seconds) and not much more, starting at a full snapshot", async () => {
    const { page, close } = await widgetPage(browser);
    await hostPage(page, server, 'data-window-seconds="5"', `<p id="live">start</p>`);
    await waitForRecorder(page);
    const recordingSince = Date.now();
    await churn(page, 200);
    await page.waitForTimeout(15_000); // three windows' worth of activity
    await openWidget(page);
    const { id } = await sendTicket(page, "Five second window");
    await page.getByText("Recording attached.").waitFor();
    const events = await storedRecording(server, id);
    expectReplayable(events);
    // at least the window, at most the window plus one checkout period (5 s) and the idle callback's slack (2 s)
    expect(spanSeconds(events)).toBeGreaterThanOrEqual(5);
    expect(spanSeconds(events)).toBeLessThanOrEqual(12.5);
    expect(events[0].timestamp).toBeGreaterThan(recordingSince + 2000); // the oldest activity was dropped
    await close();
  });

  test("the memory cap (data-buffer-mb) drops the oldest segments of a busy page, never the latest snapshot", async () => {
    const { page, close } = await widgetPage(browser);
    // 100 KB cap, window 60 s: the page produces ~80 KB of text a second, so the cap decides, not the window.
    await hostPage(page, server, 'data-buffer-mb="0.1"', `<p id="live">start</p>`);
    await waitForRecorder(page);
    await churn(page, 8000);
    await page.waitForTimeout(14_000);
    const produced = await page.evaluate(() => (window as unknown as { produced: number }).produced);
    await openWidget(page);
    const { id } = await sendTicket(page, "Memory cap");
    await page.getByText("Recording attached.").waitFor();
    const events = await storedRecording(server, id);
    const bytes = JSON.stringify(events).length;
    expectReplayable(events);
    expect(produced).toBeGreaterThan(900_000);
    // the cap plus at most one segment's growth before the next (throttled, every 5 s) checkout
    expect(bytes).toBeLessThan(600_000);
    expect(spanSeconds(events)).toBeLessThan(10);
    await close();
  });

  test("the host page themes the widget through CSS custom properties; data-color is the fallback", async () => {
    const { page, close } = await widgetPage(browser);
    const style = `<style>:root{--handoff-accent:rgb(1, 120, 60);--handoff-accent-text:rgb(255, 250, 200);--handoff-font:Georgia,serif}</style>`;
    await hostPage(page, server, 'data-color="#ff0000"', style);
    const launcher = page.getByRole("button", { name: /Help/ });
    const css = (name: string) => launcher.evaluate((el, n) => getComputedStyle(el).getPropertyValue(n), name);
    expect(await css("background-color")).toBe("rgb(1, 120, 60)");
    expect(await css("color")).toBe("rgb(255, 250, 200)");
    expect(await css("font-family")).toContain("Georgia");
    await openWidget(page);
    const send = form(page).getByRole("button", { name: "Send" });
    expect(await send.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(1, 120, 60)");

    // without the custom property, the script tag's data-color applies
    await page.evaluate(() => document.documentElement.style.setProperty("--handoff-accent", "initial"));
    expect(await css("background-color")).toBe("rgb(255, 0, 0)");
    await close();
  });

  test("a dark-themed page (color-scheme dark): the dialog's native controls stay light; a thread's time reads at its line's size", async () => {
    const { page, errors, close } = await widgetPage(browser);
    const dark = `<meta name="color-scheme" content="dark"><style>:root{color-scheme:dark;background:#111;color:#eee}</style>`;
    await hostPage(page, server, "", `${dark}<h1>Night mode dashboard</h1>`);
    await openWidget(page);
    // The file button on the white dialog: light grey, not the dark scheme's grey with white text.
    const lightness = await form(page)
      .getByLabel("Attach screenshots or files")
      .evaluate((input) => {
        const rgb = getComputedStyle(input, "::file-selector-button").backgroundColor.match(/\d+/g)!.map(Number);
        return Math.min(...rgb.slice(0, 3));
      });
    expect(lightness).toBeGreaterThan(200);

    await sendTicket(page, "Dark page");
    await form(page).getByRole("button", { name: "View conversation" }).click();
    const meta = form(page).locator(".ms li .cm").first();
    await meta.waitFor();
    const sizes = await meta.evaluate((line) =>
      [line, line.querySelector("time")!].map((e) => getComputedStyle(e).fontSize),
    );
    expect(sizes[1]).toBe(sizes[0]);
    expect(errors).toEqual([]);
    await close();
  });

  test("the ESM entry: init() in a module script starts the widget, identify() pre-fills, shutdown() removes it", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await page.route(
      (u) => u.pathname === "/demo/esm-page",
      (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="en"><head><title>SPA</title></head><body><h1>Single-page app</h1>
          <script type="module">
            import { init } from "/widget/esm/esm.js";
            const handoff = init({ siteKey: "pk_demo" });
            handoff.identify({ id: "u-7", email: "spa-user@northwind.example", name: "Spa User" });
            handoff.on("ticket:created", (t) => (window.created = t));
            window.handoff = handoff;
          </script></body></html>`,
        }),
    );
    await page.goto(`${server.url}/demo/esm-page`);
    await openWidget(page);
    expect(await form(page).getByLabel("Email", { exact: true }).inputValue()).toBe("spa-user@northwind.example");
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);
    const { id } = await sendTicket(page, "From the ESM entry");
    await page.getByText("Recording attached.").waitFor();
    const created = await page.evaluate(() => (window as unknown as { created: { id: string } }).created);
    expect(created.id).toBe(id);
    const events = await storedRecording(server, id);
    expect(JSON.stringify(events)).toContain("Single-page app");

    await page.evaluate(() => (window as unknown as { handoff: { shutdown(): void } }).handoff.shutdown());
    expect(await page.locator("#handoff-widget").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
