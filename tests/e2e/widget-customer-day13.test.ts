import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { HAS_BROWSER } from "./harness.js";
import { type HostileSite, startHostileSite } from "./widget-hostile-fixtures.js";
import { form, openWidget } from "./widget-fixtures.js";

/** The widget's element that has the keyboard's focus ("" when the focus left the widget for the page). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.getElementById("handoff-widget")?.shadowRoot?.activeElement;
    return active && document.activeElement?.id === "handoff-widget"
      ? `${active.tagName.toLowerCase()}#${active.id}`
      : "";
  });

/**
 * A customer on someone else's site (a host page on another origin) on day thirteen of QA: an app with its own
 * keyboard shortcuts.
 */
describe.skipIf(!HAS_BROWSER)("widget: a customer on a third-party page (day thirteen)", () => {
  let site: HostileSite;
  beforeAll(async () => {
    site = await startHostileSite();
  });
  afterAll(() => site?.close());

  test("an app with its own shortcuts ('/' focuses its search, '?' opens its help): typed in the widget, they stay text", async () => {
    // The usual guard of a hand-written shortcut handler: not while typing in a field. Inside the widget's shadow
    // root, the page sees the event on the widget's host (a div), so the guard lets it through.
    const body = `<h1>Issues</h1><input id="search" aria-label="Search issues"><div id="help" hidden>Keyboard shortcuts</div>
      <script>
        document.addEventListener("keydown", (e) => {
          if (e.target.closest("input, textarea, select, [contenteditable]")) return;
          if (e.key === "/") { e.preventDefault(); document.getElementById("search").focus(); }
          if (e.key === "?") document.getElementById("help").hidden = false;
        });
      </script>`;
    const { page, errors, close } = await site.open("/shortcuts", { body });
    await openWidget(page);
    const subject = form(page).getByLabel("Subject");
    await subject.click();
    await page.keyboard.type("Import / export fails? Again");
    // was "Import " in the subject, "export fails? Again" in the page's search box and its help shown
    expect(await subject.inputValue()).toBe("Import / export fails? Again");
    expect(await page.locator("#search").inputValue()).toBe("");
    expect(await page.locator("#help").isHidden()).toBe(true);
    expect(await focused(page)).toBe("input#ho-subject");
    expect(errors).toEqual([]);
    await close();
  });
});
