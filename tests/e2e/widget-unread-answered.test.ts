import { afterAll, describe, test } from "vitest";
import type { Browser } from "playwright-core";
import { adminCookie } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { form, openWidget, sendTicket, widgetPage } from "./widget-fixtures.js";

/**
 * A support reply the customer has answered has been read, wherever they answered it: the launcher of another
 * device (which never opened the thread) counts only the replies after the customer's own last message.
 */
describe.skipIf(!HAS_BROWSER)("widget: unread replies on another device", () => {
  let server: TestServer;
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function agentReply(ticketId: string, body: string) {
    const response = await fetch(`${server.url}/api/v1/tickets/${ticketId}/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: await adminCookie(server), Origin: server.url },
      body: JSON.stringify({ body }),
    });
    if (!response.ok) throw new Error(`reply failed: ${response.status} ${await response.text()}`);
  }

  test("a reply the customer answered on the laptop does not count as unread on the phone", async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const laptop = await widgetPage(browser);
    const phone = await widgetPage(browser);
    try {
      // The demo app identifies its signed-in user: the same customer on both devices.
      await laptop.page.goto(`${server.url}/demo/`);
      await openWidget(laptop.page);
      const ticket = await sendTicket(laptop.page, "Quarterly export is empty");
      await agentReply(ticket.id, "Which report were you exporting?");
      await form(laptop.page).getByRole("button", { name: "View conversation" }).click();
      await form(laptop.page).getByText("Which report were you exporting?").waitFor();
      await form(laptop.page).getByLabel("Your reply").fill("The quarterly revenue one.");
      await form(laptop.page).getByRole("button", { name: "Send reply" }).click();
      await form(laptop.page).getByText("The quarterly revenue one.", { exact: true }).waitFor();
      await agentReply(ticket.id, "Thanks, we are on it.");

      // The phone never opened the thread: only the reply after the customer's answer is new to them.
      await phone.page.goto(`${server.url}/demo/`);
      await phone.page.getByRole("button", { name: "Help and support, 1 unread reply", exact: true }).waitFor();
    } finally {
      await laptop.close();
      await phone.close();
    }
  });
});
