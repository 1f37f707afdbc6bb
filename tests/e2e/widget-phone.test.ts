import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { fillForm, form, hostPage, ticketRequest, ticketsWithSubject } from "./widget-fixtures.js";

/** A phone: 390x844 CSS pixels, touch, mobile meta-viewport handling (as Playwright's iPhone-like descriptors). */
async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

/** What a finger at the launcher's centre would hit: the host in the page, then the launcher inside the shadow root. */
function hitAtLauncherCentre(page: Page) {
  return page.evaluate(() => {
    const host = document.getElementById("handoff-widget");
    const launcher = host?.shadowRoot?.querySelector<HTMLElement>(".l");
    if (!host || !launcher) return { ready: false };
    const r = launcher.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    const inner = host.shadowRoot!.elementFromPoint(x, y);
    return {
      ready: true,
      hostOnTop: top === host,
      launcherOnTop: inner?.closest(".l") === launcher,
      inViewport: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      height: r.height,
    };
  });
}

/** The dialog's box, and the font size of its text fields (below 16px, iOS Safari zooms the page on focus). */
function dialogBox(page: Page) {
  return page.evaluate(() => {
    const d = document.getElementById("handoff-widget")!.shadowRoot!.querySelector<HTMLElement>(".d")!;
    const r = d.getBoundingClientRect();
    const sizes = [...d.querySelectorAll("input[type=email],input[type=text],textarea")].map((el) =>
      Number.parseFloat(getComputedStyle(el).fontSize),
    );
    return {
      left: r.left,
      top: r.top,
      width: r.width,
      height: r.height,
      viewport: { width: innerWidth, height: visualViewport?.height ?? innerHeight },
      minFont: Math.min(...sizes),
    };
  });
}

/** A box as the phone's screen shows it (CSS pixels of a 390px-wide screen): the page's scale applied. */
function onScreen(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.getElementById("handoff-widget")!.shadowRoot!.querySelector<HTMLElement>(sel)!;
    const r = el.getBoundingClientRect();
    const v = visualViewport!;
    const at = (n: number) => Math.round(n * v.scale);
    return {
      left: at(r.left - v.offsetLeft),
      top: at(r.top - v.offsetTop),
      width: at(r.width),
      height: at(r.height),
      screen: { width: at(v.width), height: at(v.height) },
      scaled: v.scale < 0.9,
    };
  }, selector);
}

describe.skipIf(!HAS_BROWSER)("widget on a phone (390x844, touch)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the demo fits the screen: no sideways scroll, the header included", async () => {
    const { page, errors, close } = await phonePage(browser);
    for (const path of ["/demo/", "/demo/reports", "/demo/settings"]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("button", { name: /Help/ }).waitFor();
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        header: document.querySelector("header")!.scrollWidth,
        viewport: innerWidth,
      }));
      expect(widths.viewport, path).toBe(390);
      expect(widths.doc, path).toBeLessThanOrEqual(390);
      expect(widths.body, path).toBeLessThanOrEqual(390);
      expect(widths.header, path).toBeLessThanOrEqual(390);
      // Scrolling sideways does nothing.
      await page.evaluate(() => window.scrollTo(200, 0));
      expect(await page.evaluate(() => window.scrollX), path).toBe(0);
    }
    expect(errors).toEqual([]);
    await close();
  });

  test("the launcher stays on top of the page's own fixed and sticky layers, and a tap opens it", async () => {
    const { page, errors, close } = await phonePage(browser);
    await page.goto(`${server.url}/demo/`);
    await page.getByRole("button", { name: /Help/ }).waitFor();
    // A site's cookie bar / chat bubble / sticky footer, as high as CSS allows, and covering the launcher's corner.
    await page.evaluate(() => {
      const layer = (css: string) => {
        const el = document.createElement("div");
        el.style.cssText = css;
        document.body.appendChild(el);
      };
      layer("position:fixed;left:0;right:0;bottom:0;height:120px;background:#fc0;z-index:2147483647");
      layer("position:sticky;bottom:0;height:90px;background:#0cf;z-index:2147483647");
      document.body.style.pointerEvents = "none";
    });
    const hit = await hitAtLauncherCentre(page);
    expect(hit).toMatchObject({ ready: true, hostOnTop: true, launcherOnTop: true, inViewport: true });
    expect(hit.height).toBeGreaterThanOrEqual(40); // a finger-sized target

    await page.getByRole("button", { name: /Help/ }).tap();
    await form(page).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("tap, fill and send: the dialog fills the screen, fields are 16px, the ticket reaches the server", async () => {
    const { page, errors, close } = await phonePage(browser);
    await page.goto(`${server.url}/demo/`);
    await page.getByRole("button", { name: /Help/ }).waitFor();
    const hit = await hitAtLauncherCentre(page);
    expect(hit).toMatchObject({ ready: true, hostOnTop: true, launcherOnTop: true, inViewport: true });

    await page.getByRole("button", { name: /Help/ }).tap();
    await form(page).waitFor();
    // once the opening animation (a few px of slide) is over
    await expect.poll(async () => (await dialogBox(page)).top).toBe(0);
    const box = await dialogBox(page);
    expect(box.left).toBe(0);
    expect(box.top).toBe(0);
    expect(box.width).toBe(box.viewport.width);
    expect(Math.abs(box.height - box.viewport.height)).toBeLessThanOrEqual(1);
    expect(box.minFont).toBeGreaterThanOrEqual(16);

    // The keyboard takes the bottom of the screen (headless Chromium has none: the viewport shrinks as with
    // interactive-widget=resizes-content): the dialog follows the visible part, the focused field stays on screen.
    const subject = form(page).getByLabel("Subject");
    await subject.tap();
    await page.setViewportSize({ width: 390, height: 450 });
    await expect.poll(async () => (await dialogBox(page)).height).toBe(450);
    expect(await subject.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(450);
    await subject.fill("Phone: cannot export");
    await form(page).getByLabel("Description").fill("Tapped Export on my phone and nothing happened.");
    await expect
      .poll(() => form(page).getByLabel("Email", { exact: true }).inputValue())
      .toBe("jamie@northwind.example");
    const send = form(page).getByRole("button", { name: "Send" });
    await send.scrollIntoViewIfNeeded();
    const [request] = await Promise.all([ticketRequest(page), send.tap()]);
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    expect((await request.response())?.status()).toBe(201);
    const body = request.postDataJSON() as TicketCreateInput;
    expect(body.context?.environment?.viewport).toMatchObject({ width: 390 });

    const stored = await ticketsWithSubject(server, "Phone: cannot export");
    expect(stored).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("a page without <meta name=viewport> (laid out 980px wide, shown scaled down): the launcher keeps a finger's size, the dialog fills the screen, a ticket is sent", async () => {
    const { page, errors, close } = await phonePage(browser);
    await hostPage(
      page,
      server,
      "",
      "<h1>Legacy billing</h1><p>A desktop page that never asked for a phone layout.</p>",
    );
    await page.getByRole("button", { name: /Help/ }).waitFor();
    const launcher = await onScreen(page, ".l");
    expect(launcher.scaled).toBe(true); // the page really is shown scaled down
    expect(launcher.height).toBeGreaterThanOrEqual(40);
    expect(launcher.left + launcher.width).toBeLessThanOrEqual(launcher.screen.width);
    expect(launcher.top + launcher.height).toBeLessThanOrEqual(launcher.screen.height);
    expect(await hitAtLauncherCentre(page)).toMatchObject({ ready: true, hostOnTop: true, launcherOnTop: true });

    await page.getByRole("button", { name: /Help/ }).tap();
    await form(page).waitFor();
    await expect.poll(async () => (await onScreen(page, ".d")).top).toBe(0);
    const dialog = await onScreen(page, ".d");
    expect(dialog).toMatchObject({ left: 0, top: 0, width: 390 });
    expect(Math.abs(dialog.height - dialog.screen.height)).toBeLessThanOrEqual(1);
    // Its text reads at the phone's size, not at 40 % of it.
    expect((await onScreen(page, "h2")).height).toBeGreaterThanOrEqual(20);

    await fillForm(page, "Scaled page: cannot pay", "Tapped Pay on my phone and nothing happened.");
    const send = form(page).getByRole("button", { name: "Send" });
    await send.scrollIntoViewIfNeeded();
    const [request] = await Promise.all([ticketRequest(page), send.tap()]);
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    expect((await request.response())?.status()).toBe(201);
    expect(await ticketsWithSubject(server, "Scaled page: cannot pay")).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });
});
