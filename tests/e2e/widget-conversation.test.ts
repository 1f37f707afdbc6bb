import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { type Conversation, type Session, startConversation } from "./conversation-fixtures.js";
import { feedback, ticketEvents } from "../../server/db/schema.js";
import { HAS_BROWSER, type TestServer } from "./harness.js";
import { form, hostPage, openWidget, sendTicket, widgetPage } from "./widget-fixtures.js";

/**
 * The customer's side of the conversation, in the real widget: an anonymous customer (no identify()) files a ticket,
 * follows support's replies in the widget (unread badge on the launcher while it is closed), replies, and answers
 * the feedback questions once the escalated ticket is resolved. Agents work in the real console.
 */
describe.skipIf(!HAS_BROWSER)("widget: the customer's conversation", () => {
  let server: TestServer;
  let conversation: Conversation;
  let browser: Browser;
  let agent: Session;
  let customer: Session;
  let ticket: { id: string };

  const launcher = (page: Page) => page.getByRole("button", { name: /^Help and support/ });
  const thread = (page: Page) => form(page).getByRole("list", { name: "Invoice PDF is blank" });

  async function agentReply(text: string, internal = false) {
    const { page } = agent;
    if (internal) {
      await page.getByRole("radio", { name: "Internal note" }).check();
      await page.getByRole("textbox", { name: "Internal note" }).fill(text);
      await page.getByRole("button", { name: "Add note" }).click();
      await page.locator(".message--note", { hasText: text }).waitFor();
      await page.getByRole("radio", { name: "Reply to customer" }).check();
    } else {
      await page.getByLabel("Reply to the customer").fill(text);
      await page.getByRole("button", { name: "Send reply" }).click();
      await page.locator(".message--reply", { hasText: text }).waitFor();
    }
  }

  beforeAll(async () => {
    conversation = await startConversation("Invoice PDF is blank");
    ({ server, browser, customer, agent, ticket } = conversation);
  });
  afterAll(() => conversation?.close());

  test("after filing, the customer opens the conversation; a public reply arrives in the open widget, an internal note never does", async () => {
    const { page } = customer;
    await form(page).getByRole("button", { name: "View conversation" }).click();
    await thread(page).getByText("Steps in the recording").waitFor();

    await agentReply("Billing keeps notes here: legacy invoice template", true);
    await agentReply("We regenerated your invoice, please download it again.");
    await thread(page).getByText("We regenerated your invoice").waitFor();
    // The note was written before the reply that arrived, so it had every chance to show up.
    expect(await form(page).textContent()).not.toContain("legacy invoice template");
    expect(await thread(page).locator("li").count()).toBe(2);
  });

  test("with the widget closed, a new reply puts an unread badge on the launcher; reading the thread clears it, also after a reload", async () => {
    const { page } = customer;
    await page.keyboard.press("Escape");
    await agentReply("Did the new PDF open?");
    await page.getByRole("button", { name: "Help and support, 1 unread reply" }).waitFor();
    expect(await page.locator("#handoff-widget .n").textContent()).toBe("1");

    await launcher(page).click();
    // Unread replies come first: the dialog opens on the conversation list.
    await form(page)
      .getByRole("button", { name: /Invoice PDF is blank.*1 unread reply/ })
      .click();
    await thread(page).getByText("Did the new PDF open?").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Help and support", exact: true }).waitFor();

    // After a reload only replies newer than what was read count.
    await page.reload();
    await agentReply("Closing the loop: fixed for all invoices.");
    await page.getByRole("button", { name: "Help and support, 1 unread reply" }).waitFor();
  });

  test("the customer's reply from the widget reaches the agent's console", async () => {
    const { page } = customer;
    await launcher(page).click();
    await form(page)
      .getByRole("button", { name: /Invoice PDF is blank/ })
      .click();
    await form(page).getByRole("button", { name: "Send reply" }).click();
    await form(page).getByRole("alert").getByText("Required").waitFor();
    await form(page).getByLabel("Your reply").fill("It opens now, thank you!");
    await form(page).getByRole("button", { name: "Send reply" }).click();
    await thread(page).getByText("It opens now, thank you!").waitFor();
    expect(await form(page).getByLabel("Your reply").inputValue()).toBe("");
    await agent.page.locator(".message--customer", { hasText: "It opens now, thank you!" }).waitFor();
  });

  test("another anonymous customer in another browser, with the same email, sees only their own ticket", async () => {
    const other = await widgetPage(browser);
    try {
      await hostPage(other.page, server, "", "<h1>Billing</h1>");
      await openWidget(other.page);
      await sendTicket(other.page, "Cannot change my plan"); // same email as the first customer (fillForm's default)
      await form(other.page).getByRole("button", { name: "Your conversations" }).click();
      const list = form(other.page).locator(".cl li");
      await list.first().waitFor();
      expect(await list.allTextContents()).toEqual([expect.stringContaining("Cannot change my plan")]);
      expect(await form(other.page).textContent()).not.toContain("Invoice PDF");
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test("a verified identify() user sees their conversation on another device, with its replies", async () => {
    const laptop = await widgetPage(browser);
    const phone = await widgetPage(browser);
    try {
      // The demo app identifies its signed-in user with a userHash from its backend.
      await laptop.page.goto(`${server.url}/demo/`);
      await openWidget(laptop.page);
      const filed = await sendTicket(laptop.page, "Seats count is wrong");
      expect(filed.body.identity?.userHash).toBeTruthy();
      await agent.page.goto(`${server.url}/console/tickets/${filed.id}`);
      await agent.page.getByRole("heading", { level: 1, name: "Seats count is wrong" }).waitFor();
      await agentReply("Recounted: you have 12 seats.");

      // A fresh browser (no token from the laptop), same signed-in user: the unread reply shows on the launcher.
      await phone.page.goto(`${server.url}/demo/`);
      await phone.page.getByRole("button", { name: "Help and support, 1 unread reply" }).waitFor();
      await openWidget(phone.page);
      await form(phone.page)
        .getByRole("button", { name: /Seats count is wrong/ })
        .click();
      await form(phone.page).getByText("Recounted: you have 12 seats.").waitFor();
      expect(await form(phone.page).textContent()).not.toContain("Invoice PDF");
      expect(phone.errors).toEqual([]);
    } finally {
      await laptop.close();
      await phone.close();
      await agent.page.goto(`${server.url}/console/tickets/${ticket.id}`);
    }
  });

  test("once the escalated ticket is resolved, the thread asks the three feedback questions, once, and stores the answers", async () => {
    const { page } = customer;
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await db
      .insert(ticketEvents)
      .values({ workspaceId, ticketId: ticket.id, type: "escalated", actorType: "system", details: {} });
    const resolved = await agent.page.evaluate(
      async (id) =>
        (
          await fetch(`/api/v1/tickets/${id}`, {
            method: "PATCH",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ status: "resolved" }),
          })
        ).status,
      ticket.id,
    );
    expect(resolved).toBe(200);

    const questions = form(page).getByRole("form", { name: "Before you go: how did it go?" });
    await questions.waitFor(); // the open thread learns of the new status from the poll
    expect(await form(page).locator("p.cm").textContent()).toContain("Resolved");
    await questions.getByRole("button", { name: "Send feedback" }).click();
    await questions.getByRole("alert").getByText("Please fix the highlighted fields.").waitFor();
    await questions.getByRole("group", { name: "Did you have to repeat yourself?" }).getByLabel("Yes").check();
    await questions.getByLabel("How many people did you talk to?").fill("3");
    await questions.getByRole("group", { name: "Was it resolved in a reasonable time?" }).getByLabel("No").check();
    await questions.getByRole("button", { name: "Send feedback" }).click();
    await form(page).getByText("Thanks for your feedback!").waitFor();

    const rows = await db
      .select()
      .from(feedback)
      .where(and(eq(feedback.ticketId, ticket.id), eq(feedback.respondent, "customer")));
    expect(rows.map((r) => r.answers)).toEqual([
      { repeatedThemselves: true, peopleTalkedTo: 3, resolvedInReasonableTime: false },
    ]);

    // Answered once: opening the thread again asks nothing.
    await form(page).getByRole("button", { name: "Back" }).click();
    const asked = page.waitForResponse((r) => r.url().endsWith(`/tickets/${ticket.id}/feedback`));
    await form(page)
      .getByRole("button", { name: /Invoice PDF is blank/ })
      .click();
    expect(await (await asked).json()).toMatchObject({ eligible: false, answered: true });
    await form(page).getByLabel("Your reply").waitFor();
    expect(await form(page).getByText("Before you go").count()).toBe(0);
    expect(customer.errors).toEqual([]);
    expect(agent.errors).toEqual([]);
  });
});
