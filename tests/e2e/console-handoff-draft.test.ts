import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ticketBody } from "../helpers/test-app.js";
import { ESCALATION_PATHS } from "../../shared/index.js";
import { adminCookie, fileTicket, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// The handoff note is the longest thing an agent writes: Esc or an expired session must not take it.
describe.skipIf(!HAS_BROWSER)("console: an unsent handoff note is kept", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("Esc closes the form and an expired session asks to log in again; the note comes back both times and goes once sent", async () => {
    const ticket = await fileTicket(server, ticketBody({ subject: "Invoices blank", recording: { included: false } }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Invoices blank" }).waitFor();
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    const note = {
      "Step 1: action": "Regenerated the March invoice",
      "Step 1: result": "Still blank in the PDF",
      "Why it needs to move": "The PDF renderer is owned by tier 2",
      "What the customer wants to achieve": "Send the March invoice to their accountant today",
    };
    const typed = () => Promise.all(Object.keys(note).map((label) => form.getByLabel(label).inputValue()));

    await page.getByRole("button", { name: "Escalate…" }).click();
    for (const [label, value] of Object.entries(note)) await form.getByLabel(label).fill(value);
    await form.getByLabel("What the customer wants to achieve").press("Escape");
    await form.waitFor({ state: "detached" });
    await page.getByRole("button", { name: /^Escalate…/ }).click();
    expect(await typed()).toEqual(Object.values(note));

    // The session ends on the server while the note is written; Escalate leads to the login form.
    await page.evaluate(() => fetch("/api/v1/auth/logout", { method: "POST" }));
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByLabel("Password").waitFor();
    await page.getByLabel("Email").fill(server.admin.email);
    await page.getByLabel("Password").fill(server.admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: "Escalate… (unsent note)" }).click();
    expect(await typed()).toEqual(Object.values(note));

    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByRole("heading", { name: /^Handoff: tier 1 .*→ tier 2/ }).waitFor();
    await page.getByRole("button", { name: "Escalate…", exact: true }).waitFor();
    // Sent: the next escalation starts from the ticket again.
    await page.getByRole("button", { name: "Escalate…", exact: true }).click();
    expect(await form.getByLabel("Why it needs to move").inputValue()).not.toBe(note["Why it needs to move"]);
    await form.getByRole("button", { name: "Cancel" }).click();
    expect(errors).toEqual([]);
    await close();
  });

  test("a kept note whose target tier the ticket has reached meanwhile now aims one tier higher, and says so", async () => {
    const ticket = await fileTicket(server, ticketBody({ subject: "Refund stuck", recording: { included: false } }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Refund stuck" }).waitFor();
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    await page.getByRole("button", { name: "Escalate…" }).click();
    expect(await form.getByLabel("To tier").inputValue()).toBe("2");
    await form.getByLabel("Step 1: action").fill("Retried the refund in the billing tool");
    await form.getByLabel("Step 1: result").fill("Stuck in 'pending' again");
    await form.getByLabel("What the customer wants to achieve").fill("Their money back before month end");
    await form.getByLabel("What the customer wants to achieve").press("Escape");
    await form.waitFor({ state: "detached" });

    // Someone else moves it to tier 2 while the note waits; the ticket on screen follows.
    const origin = new URL(server.url).origin;
    const res = await fetch(`${server.url}${ESCALATION_PATHS.escalations(ticket.id)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin, Cookie: await adminCookie(server) },
      body: JSON.stringify({
        toTier: 2,
        summary: "Refund stuck in pending",
        attempted: [{ action: "Checked the payment provider", result: "No refund request there" }],
        reason: "Billing tool bug",
        customerGoal: "Get the refund",
      }),
    });
    expect(res.status).toBe(201);
    await page.getByRole("heading", { name: /^Handoff: tier 1 .*→ tier 2/ }).waitFor();

    await page.getByRole("button", { name: "Escalate… (unsent note)" }).click();
    // Tier 2 is where the ticket is: the note now goes to tier 3, the agent is told, and what they wrote stays.
    expect(await form.getByLabel("To tier").inputValue()).toBe("3");
    await form.getByText("Your unsent note was for tier 2, which this ticket has reached since").waitFor();
    expect(await form.getByLabel("Step 1: action").inputValue()).toBe("Retried the refund in the billing tool");
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByRole("heading", { name: /^Handoff: tier 2 .*→ tier 3/ }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("words typed and Esc pressed in the same moment are kept (the form closes before it renders again)", async () => {
    const ticket = await fileTicket(server, ticketBody({ subject: "Seats wrong", recording: { included: false } }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Seats wrong" }).waitFor();
    await page.getByRole("button", { name: "Escalate…" }).click();
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    await form.waitFor();
    await page.evaluate(() => {
      const goal = document.getElementById("esc-goal") as HTMLTextAreaElement;
      goal.value = "Add 5 seats before Monday";
      goal.dispatchEvent(new Event("input", { bubbles: true }));
      goal.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    await form.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Escalate… (unsent note)" }).click();
    expect(await form.getByLabel("What the customer wants to achieve").inputValue()).toBe("Add 5 seats before Monday");
    expect(errors).toEqual([]);
    await close();
  });
});
