import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages } from "../../server/db/schema.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { form, hostPage, openWidget, sendTicket, waitForRecorder, widgetPage } from "./widget-fixtures.js";

type Session = { page: Page; errors: string[]; close(): Promise<void> };

/**
 * A thread longer than what the widget's conversation list carries (its newest 100 messages): the customer sees the
 * newest ones and loads the rest on request, in order, without internal notes.
 *
 * The conversation view is a chunk of its own: a visitor who never filed a ticket downloads neither it nor polls
 * for replies, also with the form open; filing a ticket loads it, and the next page load follows the conversation
 * from what the browser remembers (no network call decides it).
 */
describe.skipIf(!HAS_BROWSER)("widget: how the conversation loads (its chunk, a long thread)", () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Session;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    customer = await widgetPage(browser);
    await hostPage(customer.page, server, "", "<h1>Reports</h1>");
    await openWidget(customer.page);
    const { id } = await sendTicket(customer.page, "Exports keep timing out");
    const start = Date.now();
    await server.database.db.insert(messages).values([
      ...Array.from({ length: 130 }, (_, i) => ({
        ticketId: id,
        authorType: "agent" as const,
        body: `Support reply number ${i + 1}`,
        createdAt: new Date(start + i * 10),
      })),
      {
        ticketId: id,
        authorType: "agent" as const,
        internal: true,
        body: "Internal: slow query",
        createdAt: new Date(start + 5),
      },
    ]);
  });
  afterAll(async () => {
    await customer?.close();
    await browser?.close();
    await server?.close();
  });

  test("the thread opens on its newest messages; Show earlier messages loads the rest, in order", async () => {
    const { page, errors } = customer;
    await page.reload();
    // The list carries the newest 100 messages, so that is what the badge can count (it shows 99+).
    await page.getByRole("button", { name: /^Help and support, 100 unread replies/ }).waitFor();
    await openWidget(page);
    await form(page)
      .getByRole("button", { name: /Exports keep timing out/ })
      .click();
    const thread = form(page).getByRole("list", { name: "Exports keep timing out" });
    const replies = thread.locator("li.ma");
    await thread.getByText("Support reply number 130", { exact: true }).waitFor();
    expect(await replies.count()).toBe(100);
    expect(await thread.getByText("Support reply number 30", { exact: true }).count()).toBe(0);

    await form(page).getByRole("button", { name: "Show earlier messages" }).click();
    await thread.getByText("Support reply number 1", { exact: true }).waitFor();
    expect(await replies.count()).toBe(130);
    const texts = await replies.locator(".mb").allTextContents();
    expect(texts).toEqual(Array.from({ length: 130 }, (_, i) => `Support reply number ${i + 1}`));
    // The customer's own first message stays first; notes never reach the widget; nothing more to load.
    expect(await thread.locator("li").first().textContent()).toContain("Steps in the recording");
    expect(await form(page).textContent()).not.toContain("Internal: slow query");
    expect(await form(page).getByRole("button", { name: "Show earlier messages" }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

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
