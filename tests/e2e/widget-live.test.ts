import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { WIDGET_PATHS } from "../../shared/widget-paths.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { adminCookie } from "./console-fixtures.js";
import { form, hostPage, openWidget, sendTicket, widgetPage } from "./widget-fixtures.js";

/** The widget follows replies over the live stream (a streaming fetch), not by polling. */
describe.skipIf(!HAS_BROWSER)("widget: live replies", () => {
  let server: TestServer;
  let browser: Browser;
  let customer: { page: Page; errors: string[]; close(): Promise<void> };
  let cookie: string;
  const updates: string[] = [];
  const streams: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    customer = await widgetPage(browser);
    customer.page.on("request", (r) => {
      if (r.url().includes(WIDGET_PATHS.updates)) updates.push(r.url());
      if (r.url().includes(EVENTS_PATHS.widget)) streams.push(r.url());
    });
    cookie = await adminCookie(server);
  });
  afterAll(async () => {
    await customer?.close();
    await browser?.close();
    await server?.close();
  });

  async function agentReply(ticketId: string, body: string) {
    const res = await fetch(`${server.url}/api/v1/tickets/${ticketId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
      body: JSON.stringify({ body, internal: false }),
    });
    expect(res.status).toBe(201);
  }

  test("a first-time visitor holds no stream; after filing, an agent's reply appears in the open widget from the stream", async () => {
    const { page } = customer;
    await hostPage(page, server, "", "<h1>Billing</h1>");
    await openWidget(page);
    expect(streams).toEqual([]);

    const streamUp = page.waitForResponse((r) => r.url().includes(EVENTS_PATHS.widget));
    const ticket = await sendTicket(page, "Invoice PDF is blank");
    await form(page).getByRole("button", { name: "View conversation" }).click();
    const thread = form(page).getByRole("list", { name: "Invoice PDF is blank" });
    await thread.getByText("Steps in the recording").waitFor();
    // When the stream answers, the widget reads once to catch up on what landed before it subscribed (and polls until
    // then): on a slow box that read came after the stream was requested. Count from when it is up and reads settle.
    await streamUp;
    let seen = -1;
    await expect
      .poll(
        () => {
          const settled = updates.length === seen;
          seen = updates.length;
          return settled;
        },
        { interval: 1000 },
      )
      .toBe(true);
    const before = updates.length;

    await agentReply(ticket.id, "We regenerated your invoice.");
    await thread.getByText("We regenerated your invoice.").waitFor({ timeout: 10_000 });
    await agentReply(ticket.id, "Does it open now?");
    await thread.getByText("Does it open now?").waitFor({ timeout: 10_000 });
    // One fetch per pushed change and nothing on a timer: two replies, at most two update reads.
    expect(updates.length - before).toBeLessThanOrEqual(2);
    expect(streams.length).toBe(1);
    expect(customer.errors).toEqual([]);
  });
});
