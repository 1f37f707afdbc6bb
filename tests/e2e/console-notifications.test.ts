import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadNotificationConfig } from "../../server/services/notifications/notification-config.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { startWebhookReceiver } from "../helpers/webhook-receiver.js";
import { seriousViolations } from "./console-axe.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

describe.skipIf(!HAS_BROWSER)("console: notification settings", () => {
  let server: TestServer;
  let browser: Browser;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody@") });
    const notifications = {
      ...loadNotificationConfig({}),
      smtpUrl: sink.url,
      mailFrom: "Acme Support <support@acme.example>",
    };
    [server, browser] = await Promise.all([startTestServer({ notifications }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.close();
  });

  test("an admin sends a test email and sees the SMTP server accept it, then refuse a recipient", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, server, "/console/admin");
    const page = admin.page;
    const form = page.getByRole("form", { name: "Test email" });
    await form.getByRole("button", { name: "Send test email" }).click();
    const status = form.getByRole("status");
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain("Test email sent");
    expect(await status.textContent()).toContain(`accepted the test email for ${server.admin.email}`);
    expect(sink.mails.map((m) => [m.envelopeTo, m.parsed.subject])).toEqual([
      [[server.admin.email], "Handoff test email"],
    ]);

    await page.getByLabel("Send a test email to").fill("nobody@acme.example");
    await form.getByRole("button", { name: "Send test email" }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain("Test email failed");
    const text = (await status.textContent())!;
    expect(text).toContain("refused the sender or the recipient");
    expect(text).toContain("User unknown");
    expect(text).toMatch(/SMTP server's reply: 550 /);
    expect(sink.mails).toHaveLength(1);
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  test("an email the SMTP server refuses shows up for the admin, with the server's reason", async () => {
    const admin = await newPage(browser);
    await logIn(admin.page, server, "/console/admin");
    const page = admin.page;
    const section = page.getByRole("region", { name: "Notifications" });
    await section.getByText("Nothing is failing").waitFor({ timeout: 20_000 });
    // A customer whose address the SMTP server refuses: their confirmation and the reply below both fail.
    const ticket = await fileTicket(server, richTicket(Date.now(), { email: "nobody@northwind.example" }));
    const replied = await page.evaluate(async (id) => {
      const res = await fetch(`/api/v1/tickets/${id}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ body: "We are on it.", internal: false }),
      });
      return res.status;
    }, ticket.id);
    expect(replied).toBe(201);
    await expect
      .poll(
        async () => {
          await page.reload();
          await section.getByRole("heading", { name: "Sending problems" }).waitFor();
          return section.textContent();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toContain("Email to a customer");
    expect(await section.textContent()).toMatch(/550/);
    expect(admin.errors).toEqual([]);
    await admin.close();
  });

  test("an agent chooses which emails they get on their account page, and it sticks", async () => {
    const agent = await newPage(browser);
    await logIn(agent.page, server, "/console/account");
    const page = agent.page;
    const section = page.getByRole("region", { name: "My notifications" });
    const bounced = section.getByLabel("Bounced back to me");
    await expect.poll(() => bounced.isChecked(), { timeout: 20_000 }).toBe(true);
    await bounced.uncheck();
    await expect.poll(() => section.getByRole("status").textContent()).toBe("Saved: Bounced back to me off.");
    const master = section.getByLabel("Email me about my tickets");
    await master.uncheck();
    await expect.poll(() => section.getByRole("status").textContent()).toBe("Saved: no notification emails.");
    expect(await section.getByLabel("Escalated to me").isDisabled()).toBe(true);

    await page.reload();
    await expect.poll(() => master.isChecked(), { timeout: 20_000 }).toBe(false);
    expect(await bounced.isChecked()).toBe(false);
    expect(await section.getByLabel("Assigned to me").isChecked()).toBe(true);
    const stored = await page.evaluate(async () => (await fetch("/api/v1/notifications/me")).json());
    expect(stored).toMatchObject({ emailEnabled: false, email: { bounced: false, assigned: true } });
    expect(agent.errors).toEqual([]);
    await agent.close();
  });

  test("an admin gives a queue its own Slack channel", async () => {
    const receiver = await startWebhookReceiver();
    const admin = await newPage(browser);
    await logIn(admin.page, server, "/console/admin");
    const page = admin.page;
    const slack = page.getByRole("form", { name: "Slack" });
    await slack.getByRole("button", { name: "Add queue channel" }).click();
    await slack.getByLabel("Queue", { exact: true }).fill("billing");
    await slack.getByLabel("Webhook URL for this queue").fill(`${receiver.url}/billing`);
    await slack.getByRole("button", { name: "Save Slack" }).click();
    await expect.poll(() => slack.getByRole("status").textContent()).toBe("Slack saved: 1 queue channel.");

    await page.reload();
    await expect
      .poll(() => slack.getByLabel("Queue", { exact: true }).inputValue(), { timeout: 20_000 })
      .toBe("billing");
    expect(await slack.getByLabel("Webhook URL for this queue").inputValue()).toBe(`${receiver.url}/billing`);
    expect(await slack.getByRole("group", { name: "Queue channel 1" }).getByLabel("Escalations").isChecked()).toBe(
      true,
    );
    // The admin screen with the test email's result and a queue channel open stays accessible.
    await page.getByRole("form", { name: "Test email" }).getByRole("button", { name: "Send test email" }).click();
    await expect
      .poll(() => page.getByRole("form", { name: "Test email" }).getByRole("status").textContent(), { timeout: 20_000 })
      .toContain("Test email sent");
    expect(await seriousViolations(page)).toEqual([]);
    expect(admin.errors).toEqual([]);
    await admin.close();
    await receiver.close();
  });

  test("a customer unsubscribes from the link in their email, the agent sees it on the ticket, and it can be undone", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now(), { email: "casey@northwind.example" }));
    const mailOf = () => sink.mails.find((m) => m.parsed.subject?.includes(ticket.reference));
    await expect.poll(mailOf, { timeout: 20_000 }).toBeTruthy();
    const link = /Unsubscribe: (\S+)/.exec(mailOf()!.parsed.text ?? "")![1]!;
    const customer = await newPage(browser);
    const page = customer.page;
    await page.goto(`${server.url}${new URL(link).pathname}`);
    await page.getByText(`Stop emails to c****@northwind.example about request ${ticket.reference}?`).waitFor();
    await page.getByRole("button", { name: "Unsubscribe from this request" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe(`Unsubscribed. c****@northwind.example gets no more emails about request ${ticket.reference}.`);

    // The agent on the ticket sees it in the customer panel, so nobody waits for a mail that never goes out.
    const agent = await newPage(browser);
    await logIn(agent.page, server, `/console/tickets/${ticket.id}`);
    const customerPanel = agent.page.getByRole("region", { name: "Customer" });
    await expect
      .poll(() => customerPanel.textContent(), { timeout: 20_000 })
      .toContain("Unsubscribed from email (this ticket) since");
    expect(agent.errors).toEqual([]);
    await agent.close();

    await page.getByRole("button", { name: "Undo: email me again" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe(`Subscribed again: c****@northwind.example gets emails about request ${ticket.reference}.`);
    expect(customer.errors).toEqual([]);
    await customer.close();
  });
});
