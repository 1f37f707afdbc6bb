import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ticketBody } from "../helpers/test-app.js";
import { fileTicket, logIn, newPage } from "./console-fixtures.js";
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
});
