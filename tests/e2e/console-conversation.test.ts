import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { CUSTOMER_HEADERS, WIDGET_PATHS, type TicketCreateInput } from "../../shared/index.js";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { logIn, newPage, recordingEvents, richTicket } from "./console-fixtures.js";
import { form, hostPage, openWidget } from "./widget-fixtures.js";

const CUSTOMER_TOKEN = "e2e-browser-token-0123456789";

/**
 * The agent's day: filter the queue, open a ticket, follow the replay on its timeline, reply, and add a note.
 * The customer's side is the real widget on a host page whose browser holds the token the tickets were filed with.
 */
describe.skipIf(!HAS_BROWSER)("console: queue filters, replay timeline and a two-way conversation", () => {
  let server: TestServer;
  let browser: Browser;
  let agent: { page: Page; errors: string[]; close(): Promise<void> };
  let customer: { page: Page; errors: string[]; close(): Promise<void> };
  const sentAt = Date.now() - 60_000;
  let billing: { id: string; reference: string };
  let other: { id: string; reference: string };

  async function file(body: TicketCreateInput, recording?: unknown[]) {
    const origin = new URL(server.url).origin;
    const res = await fetch(`${server.url}${WIDGET_PATHS.tickets}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: origin,
        [CUSTOMER_HEADERS.siteKey]: server.bootstrap.workspace.siteKey,
        [CUSTOMER_HEADERS.customerToken]: CUSTOMER_TOKEN,
      },
      body: JSON.stringify(body),
    });
    const created = (await res.json()) as { id: string; reference: string; uploadToken: string };
    if (recording) await upload(created, recording);
    return created;
  }

  async function upload(created: { id: string; uploadToken: string }, recording: unknown[]) {
    const res = await fetch(`${server.url}${WIDGET_PATHS.recording(created.id)}`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        Origin: new URL(server.url).origin,
        Authorization: `Bearer ${created.uploadToken}`,
      },
      body: gzipSync(JSON.stringify(recording)),
    });
    expect(res.status).toBe(204);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    other = await file(
      richTicket(sentAt, { subject: "Password reset email never arrives", recording: { included: false } }),
    );
    billing = await file(
      richTicket(sentAt, {
        subject: "Export to CSV does nothing",
        recording: { included: true, durationMs: 30_000, eventCount: 4 },
      }),
      recordingEvents(sentAt),
    );
    agent = await newPage(browser);
    customer = await newPage(browser);
    // This browser filed the tickets above: the widget keeps that token per site in localStorage.
    await customer.page.addInitScript(
      (token) => localStorage.setItem("handoff:customer:pk_demo", token),
      CUSTOMER_TOKEN,
    );
    await hostPage(customer.page, server, "", "<h1>Reports</h1>");
    await logIn(agent.page, server);
    await agent.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
  });
  afterAll(async () => {
    await agent?.close();
    await customer?.close();
    await browser?.close();
    await server?.close();
  });

  const rows = () => agent.page.locator("tbody tr td:nth-child(2)").allTextContents();

  test("search and filters narrow the queue, and the URL keeps them", async () => {
    const { page } = agent;
    await page.goto(`${server.url}/console/`);
    await page.locator("tbody tr", { hasText: other.reference }).waitFor();
    await page.getByLabel("Search tickets").fill("passw");
    await page.getByLabel("Search tickets").press("Enter");
    await expect.poll(rows).toEqual([other.reference]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("passw");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(rows).toEqual([other.reference, billing.reference]);

    await page.getByLabel("Assignee").selectOption("me");
    await page.getByText("No tickets match these filters").waitFor();
    expect(await page.getByRole("link", { name: /^Open/ }).textContent()).toContain("0");
  });

  test("claiming and routing a ticket shows up in the queue filters", async () => {
    const { page } = agent;
    await page.goto(`${server.url}/console/tickets/${billing.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    await page.getByRole("button", { name: "Claim" }).click();
    await page.getByRole("button", { name: "Claim" }).waitFor({ state: "detached" });
    await page.getByRole("group", { name: "Ticket actions" }).getByLabel("Queue").selectOption("billing");
    await expect
      .poll(() => page.getByRole("group", { name: "Ticket actions" }).getByLabel("Queue").inputValue())
      .toBe("billing");
    const activity = page.getByRole("region", { name: /^Activity/ });
    await expect.poll(() => activity.textContent()).toContain("Admin changed queue to billing");
    expect(await activity.textContent()).toContain("Admin claimed it");
    await page.goto(`${server.url}/console/?assignee=me&queue=billing`);
    await expect.poll(rows).toEqual([billing.reference]);
    expect(await page.getByRole("link", { name: /^Open/ }).textContent()).toContain("1");
  });

  test("the replay renders the recorded page and a timeline marker seeks it; the event at the playhead is highlighted", async () => {
    const { page } = agent;
    await page.goto(`${server.url}/console/tickets/${billing.id}`);
    await page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();
    // The failed request happened 20.2 s into the 30 s recording.
    await page.getByRole("button", { name: "Seek to failed request at 00:20" }).click();
    await expect.poll(() => page.locator(".rr-timeline__time").first().textContent()).toBe("00:20");
    const current = page.locator(".replay-timeline__item[aria-current='true']");
    await expect.poll(() => current.textContent()).toContain("Failed request");
    await page.getByRole("button", { name: "Seek to navigation at 00:10" }).click();
    await expect.poll(() => page.locator(".rr-timeline__time").first().textContent()).toBe("00:10");
    await expect.poll(() => current.textContent()).toContain("Navigation");
    expect(agent.errors).toEqual([]);
  });

  test("a recording still uploading says so, and replays as soon as it arrives", async () => {
    const { page } = agent;
    const late = await file(
      richTicket(sentAt, { subject: "Charts flicker", recording: { included: true, durationMs: 30_000 } }),
    );
    await page.goto(`${server.url}/console/tickets/${late.id}`);
    await page.getByText("Recording uploading from the customer's browser").waitFor();
    await upload(late, recordingEvents(sentAt));
    await page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();
    expect(await page.getByText("Recording uploading").count()).toBe(0);
  });

  test("a public reply reaches the customer's widget; an internal note does not", async () => {
    const { page } = agent;
    await page.goto(`${server.url}/console/tickets/${billing.id}`);
    await page.getByLabel("Reply to the customer").fill("We found the bug; a fix ships today.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".message--reply", { hasText: "We found the bug" }).waitFor();

    await page.getByLabel("Internal note").check();
    await page.getByRole("textbox", { name: "Internal note" }).fill("Export worker OOM; see incident 4411");
    await page.getByRole("button", { name: "Add note" }).click();
    const note = page.locator(".message--note", { hasText: "incident 4411" });
    await note.waitFor();
    expect(await note.textContent()).toContain("Internal note");

    const { page: customerPage } = customer;
    await openWidget(customerPage);
    await form(customerPage)
      .getByRole("button", { name: /^Your conversations/ })
      .click();
    await form(customerPage)
      .getByRole("button", { name: /Export to CSV does nothing/ })
      .click();
    const thread = form(customerPage).getByRole("list", { name: "Export to CSV does nothing" });
    await thread.getByText("We found the bug; a fix ships today.").waitFor();
    expect(await form(customerPage).textContent()).not.toContain("4411");
  });

  test("the customer's reply from the widget appears in the open ticket", async () => {
    await form(customer.page).getByLabel("Your reply").fill("Thanks, I will retry after lunch");
    await form(customer.page).getByRole("button", { name: "Send reply" }).click();
    await form(customer.page).getByText("Thanks, I will retry after lunch").waitFor();
    await agent.page.locator(".message--customer", { hasText: "retry after lunch" }).waitFor();
    expect(agent.errors).toEqual([]);
    expect(customer.errors).toEqual([]);
  });
});
