import type { Browser, Page } from "playwright-core";
import { logIn, newPage } from "./console-fixtures.js";
import { launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { hostPage, openWidget, sendTicket, widgetPage } from "./widget-fixtures.js";

export type Session = { page: Page; errors: string[]; close(): Promise<void> };

export interface Conversation {
  server: TestServer;
  browser: Browser;
  customer: Session;
  agent: Session;
  ticket: { id: string };
  close(): Promise<void>;
}

/**
 * A customer who filed `subject` through the real widget on a host page, and the admin with that ticket open in the
 * console: both sides of one conversation, each in its own browser context.
 */
export async function startConversation(subject: string): Promise<Conversation> {
  const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const customer = await widgetPage(browser);
  const agent = await newPage(browser);
  await hostPage(customer.page, server, "", "<h1>Billing</h1>");
  await openWidget(customer.page);
  const ticket = await sendTicket(customer.page, subject);
  await logIn(agent.page, server, `/console/tickets/${ticket.id}`);
  await agent.page.getByRole("heading", { level: 1, name: subject }).waitFor();
  return {
    server,
    browser,
    customer,
    agent,
    ticket,
    async close() {
      await customer.close();
      await agent.close();
      await browser.close();
      await server.close();
    },
  };
}
