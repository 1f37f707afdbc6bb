import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { ticketBody } from "../helpers/test-app.js";
import { adminCookie, fileTicket, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";

const SAM = { email: "sam@example.com", password: "sam's long password", name: "Sam Okafor" };

// Two agents on one ticket in two browsers, and an agent whose session ends while typing.
describe.skipIf(!HAS_BROWSER)("console: two agents on one ticket, and an expired session", () => {
  let server: TestServer;
  let browser: Browser;
  let alex: Page;
  let sam: Page;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const origin = { "Content-Type": "application/json", Origin: server.url };
    const cookie = await adminCookie(server);
    const created = await fetch(`${server.url}/api/v1/agents`, {
      method: "POST",
      headers: { ...origin, Cookie: cookie },
      body: JSON.stringify(SAM),
    });
    expect(created.status).toBe(201);
    for (const who of ["alex", "sam"] as const) {
      const opened = await newPage(browser);
      closers.push(opened.close);
      if (who === "alex") alex = opened.page;
      else sam = opened.page;
    }
    await logIn(alex, server);
    await logIn(sam, { ...server, admin: SAM } as TestServer);
    await sam.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await browser?.close();
    await server?.close();
  });

  const openForm = async (page: Page, id: string, goal: string) => {
    await page.goto(`${server.url}/console/tickets/${id}`);
    await page.getByRole("button", { name: "Escalate…" }).click();
    await page.getByLabel("What the customer wants to achieve").fill(goal);
    await page.getByLabel("Step 1: action").fill("Asked for a retry");
    await page.getByLabel("Step 1: result").fill("Same error");
    await page.getByLabel("Why it needs to move").fill("Needs an engineer");
  };

  test("both escalate: the second sees the first's handoff, gets a clear conflict and keeps the note typed", async () => {
    const { id } = await fileTicket(server, ticketBody({ subject: "Export hangs", recording: { included: false } }));
    await openForm(alex, id, "Alex: export the Q3 report");
    await openForm(sam, id, "Sam: get the board numbers out tonight");

    await alex.getByRole("button", { name: "Escalate", exact: true }).click();
    await alex.getByText("Escalated. The handoff note is on the ticket.").first().waitFor({ state: "attached" });
    // Sam's page follows live: Alex's handoff shows without a reload, while Sam's form stays open.
    await sam.getByText("Alex: export the Q3 report", { exact: false }).first().waitFor({ timeout: 10_000 });

    await sam.getByRole("button", { name: "Escalate", exact: true }).click();
    const alert = sam.getByRole("alert").filter({ hasText: "Couldn't escalate" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("changed this ticket since you opened it");
    expect(await sam.getByLabel("What the customer wants to achieve").inputValue()).toBe(
      "Sam: get the board numbers out tonight",
    );
    const handoffs = await (
      await fetch(`${server.url}/api/v1/tickets/${id}/escalations`, {
        headers: { Cookie: (await alex.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
      })
    ).json();
    expect(handoffs.escalations).toHaveLength(1);
  });

  test("a page left open without live updates: changing a ticket someone closed meanwhile is refused and shows it closed", async () => {
    const { id } = await fileTicket(server, ticketBody({ subject: "Login loop", recording: { included: false } }));
    const stale = await newPage(browser);
    closers.push(stale.close);
    // The live stream is gone (a laptop lid closed, a proxy timeout): this page will not hear of the change.
    await stale.page.route(`**${EVENTS_PATHS.agent}*`, (route) => route.abort());
    await logIn(stale.page, { ...server, admin: SAM } as TestServer, `/console/tickets/${id}`);
    const status = stale.page.getByRole("combobox", { name: "Status" });
    await expect.poll(() => status.inputValue()).toBe("open");

    const cookie = (await alex.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const closed = await fetch(`${server.url}/api/v1/tickets/${id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
      body: JSON.stringify({ status: "closed" }),
    });
    expect(closed.status).toBe(200);

    await status.selectOption("pending");
    const alert = stale.page.getByRole("alert").filter({ hasText: "Not saved" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("status open → closed");
    await expect.poll(() => status.inputValue()).toBe("closed");
  });

  test("the session ends while a long reply is typed: after logging in again the reply is still there", async () => {
    const { id } = await fileTicket(server, ticketBody({ subject: "Invoices blank", recording: { included: false } }));
    await sam.goto(`${server.url}/console/tickets/${id}`);
    const reply = "Thanks for the details, Jamie. ".repeat(40).trim();
    const box = sam.getByLabel("Reply to the customer");
    await box.fill(reply);
    // The session ends on the server (expired or revoked) while the agent types.
    await sam.evaluate(() => fetch("/api/v1/auth/logout", { method: "POST" }));
    await sam.getByRole("button", { name: "Send reply" }).click();
    await sam.getByLabel("Password").waitFor();
    await sam.getByLabel("Email").fill(SAM.email);
    await sam.getByLabel("Password").fill(SAM.password);
    await sam.getByRole("button", { name: "Log in" }).click();
    await box.waitFor();
    expect(await box.inputValue()).toBe(reply);
  });

  test("a half-written internal note comes back as a note after leaving the ticket, never as a reply to the customer", async () => {
    const { id } = await fileTicket(server, ticketBody({ subject: "Refund pending", recording: { included: false } }));
    await sam.goto(`${server.url}/console/tickets/${id}`);
    await sam.getByRole("heading", { level: 1, name: "Refund pending" }).waitFor();
    await sam.getByRole("radio", { name: "Internal note" }).check();
    const note = "Stripe shows a double charge; ask finance before refunding";
    await sam.getByRole("textbox", { name: "Internal note" }).fill(note);
    await sam.getByRole("link", { name: "← Tickets" }).click();
    await sam.getByRole("link", { name: "Refund pending" }).click();
    await sam.getByRole("heading", { level: 1, name: "Refund pending" }).waitFor();
    expect(await sam.getByRole("radio", { name: "Internal note" }).isChecked()).toBe(true);
    expect(await sam.getByRole("textbox", { name: "Internal note" }).inputValue()).toBe(note);
    await sam.getByRole("button", { name: "Add note" }).click();
    await sam.getByRole("textbox", { name: "Internal note" }).and(sam.locator(":placeholder-shown")).waitFor();
    const { messages } = (await sam.evaluate(
      async (path) => (await fetch(path)).json(),
      `/api/v1/tickets/${id}/messages`,
    )) as { messages: { body: string; internal: boolean }[] };
    expect(messages.map((m) => [m.body, m.internal])).toEqual([[note, true]]);
  });
});
