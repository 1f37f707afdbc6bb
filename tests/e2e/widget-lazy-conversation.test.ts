import { describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { form, hostPage, openWidget, sendTicket, waitForRecorder, widgetPage } from "./widget-fixtures.js";

/**
 * The conversation view is a chunk of its own: a visitor who never filed a ticket downloads neither it nor polls
 * for replies, also with the form open; filing a ticket loads it, and the next page load follows the conversation
 * from what the browser remembers (no network call decides it).
 */
describe.skipIf(!HAS_BROWSER)("widget: the conversation chunk loads only for visitors with something to follow", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  /** Every widget chunk and conversation API call the page makes, as paths. */
  function traffic(page: Page) {
    const paths: string[] = [];
    page.on("request", (r) => paths.push(new URL(r.url()).pathname));
    return {
      chunks: () => paths.filter((p) => p.startsWith("/widget/")).map((p) => p.replace(/-[\w-]{8}\.js$/, ".js")),
      polls: () => paths.filter((p) => /\/api\/v1\/widget\/(updates|conversations)/.test(p)),
    };
  }

  test("a first-time visitor opens the form without downloading the conversation view; filing and reloading bring it", async () => {
    const { page, errors, close } = await widgetPage(browser);
    try {
      const seen = traffic(page);
      await hostPage(page, server, "", "<h1>Reports</h1>");
      await waitForRecorder(page); // the recorder, capture and form chunks are all in by now
      await openWidget(page);
      expect(seen.chunks()).toEqual(
        expect.arrayContaining(["/widget/app.js", "/widget/recorder.js", "/widget/form.js"]),
      );
      expect(seen.chunks()).not.toContain("/widget/conversation.js");
      expect(seen.polls()).toEqual([]);
      // Nothing to follow: no tabs, and the confirmation has no conversation button until the view is in.
      expect(await form(page).getByRole("button", { name: "Your conversations" }).count()).toBe(0);

      await sendTicket(page, "Export button greyed out");
      await form(page).getByRole("button", { name: "View conversation" }).click();
      await form(page)
        .getByRole("list", { name: "Export button greyed out" })
        .getByText("Steps in the recording")
        .waitFor();
      expect(seen.chunks()).toContain("/widget/conversation.js");

      // Next page load: followed without opening the widget (the badge needs it), from local state alone; the form
      // (and the dialog the thread shows in) still waits for intent.
      const again = traffic(page);
      await page.reload();
      await expect.poll(() => again.chunks().includes("/widget/conversation.js"), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => again.polls().length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(again.chunks()).not.toContain("/widget/form.js");
      await openWidget(page);
      expect(again.chunks()).toContain("/widget/form.js");
      await form(page)
        .getByRole("button", { name: /^Your conversations/ })
        .click();
      await form(page)
        .getByRole("button", { name: /Export button greyed out/ })
        .waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
