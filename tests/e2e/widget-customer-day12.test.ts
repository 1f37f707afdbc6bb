import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { HAS_BROWSER } from "./harness.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";
import { form } from "./widget-fixtures.js";

/**
 * A customer on someone else's site (a host page on another origin) on day twelve of QA: a phone held sideways, a
 * table pasted from a spreadsheet, a thread followed with the keyboard and a screen reader, files the server refuses.
 */
describe.skipIf(!HAS_BROWSER)("widget: a customer on a third-party page (day twelve)", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  /** The dialog's box in CSS pixels, and the window's. */
  const dialogBox = (page: Page) =>
    page.evaluate(() => {
      const r = document.getElementById("handoff-widget")!.shadowRoot!.querySelector(".d")!.getBoundingClientRect();
      return { top: Math.round(r.top), height: Math.round(r.height), window: innerHeight };
    });

  test("a phone held sideways, then the keyboard open: the form fills what is left of the screen, the field typed into on it", async () => {
    const phone = { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true };
    const meta = '<meta name="viewport" content="width=device-width, initial-scale=1">';
    const { page, errors, close } = await site.open("/landscape", { head: meta }, phone);
    await page.getByRole("button", { name: /Help/ }).tap();
    await form(page).waitFor();
    await expect.poll(() => dialogBox(page)).toEqual({ top: 0, height: 390, window: 390 });

    // The keyboard takes the bottom of the screen (headless Chromium has none: the window shrinks, as with
    // interactive-widget=resizes-content): was a 70px box with the subject field scrolled out of it.
    const subject = form(page).getByLabel("Subject");
    await subject.tap();
    await page.setViewportSize({ width: 844, height: 170 });
    await expect.poll(() => dialogBox(page)).toEqual({ top: 0, height: 170, window: 170 });
    await subject.fill("Export fails on my phone");
    const field = await subject.evaluate((el) => el.getBoundingClientRect());
    expect(field.top).toBeGreaterThanOrEqual(0);
    expect(field.bottom).toBeLessThanOrEqual(170);
    expect(errors).toEqual([]);
    await close();
  });
});
