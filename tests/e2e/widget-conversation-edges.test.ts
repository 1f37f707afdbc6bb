import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { adminCookie } from "./console-fixtures.js";
import { form, hostPage, openWidget, sendTicket } from "./widget-fixtures.js";

/**
 * The customer's conversation where it usually goes wrong: two tabs of the same site, a reply typed offline, a reply
 * too long for the server, links in support's replies, a closed ticket in German. Agents act through the API.
 */
describe.skipIf(!HAS_BROWSER)("widget: the conversation at its edges", () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;
  let cookie: string;
  let ticketId: string;
  const errors: string[] = [];

  const thread = (page: Page) => form(page).getByRole("list", { name: "Invoice PDF is blank" });

  async function agent(method: string, path: string, body: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
  }
  const agentReply = (body: string) => agent("POST", `/api/v1/tickets/${ticketId}/messages`, { body, internal: false });

  async function openThread(page: Page) {
    if (!(await form(page).isVisible())) await page.getByRole("button", { name: /^Help and support/ }).click();
    // The tabs come once the form's chunk is in (a first open): wait for them rather than glance.
    await form(page)
      .getByRole("button", { name: /^Your conversations/ })
      .click();
    await form(page)
      .getByRole("button", { name: /Invoice PDF is blank/ })
      .click();
    await thread(page).getByText("Steps in the recording").waitFor();
  }

  async function customerMessages(): Promise<string[]> {
    const res = await fetch(`${server.url}/api/v1/tickets/${ticketId}/messages`, {
      headers: { Origin: server.url, Cookie: cookie },
    });
    const page = (await res.json()) as { messages: { authorType: string; body: string }[] };
    return page.messages.filter((m) => m.authorType === "customer").map((m) => m.body);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    cookie = await adminCookie(server);
    context = await browser.newContext();
    context.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
    tab = await context.newPage();
    await hostPage(tab, server, "", "<h1>Billing</h1>");
    await openWidget(tab);
    ticketId = (await sendTicket(tab, "Invoice PDF is blank")).id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test("two tabs: a reply shows in both; reading it in one clears the badge in the other; a reply is sent once", {
    timeout: 90_000,
  }, async () => {
    await tab.keyboard.press("Escape");
    const other = await context.newPage();
    await hostPage(other, server, "", "<h1>Billing</h1>");
    await other.getByRole("button", { name: "Help and support", exact: true }).waitFor();

    await agentReply("Which browser do you use?");
    for (const page of [tab, other])
      await page.getByRole("button", { name: "Help and support, 1 unread reply" }).waitFor();

    await openThread(tab);
    await thread(tab).getByText("Which browser do you use?").waitFor();
    // Read in the first tab: the second one's launcher must not keep saying there is something unread.
    await other.getByRole("button", { name: "Help and support", exact: true }).waitFor({ timeout: 4_000 });

    await form(tab).getByLabel("Your reply").fill("Firefox 128");
    await form(tab).getByRole("button", { name: "Send reply" }).click();
    await thread(tab).getByText("Firefox 128").waitFor();
    await openThread(other);
    await thread(other).getByText("Firefox 128").waitFor();
    expect(await thread(other).getByText("Firefox 128").count()).toBe(1);
    expect(await customerMessages()).toEqual(["Firefox 128"]);
    await other.close();
  });

  test("a reply posted while the live stream is still connecting is not lost", async () => {
    // The open thread in the other tab would mark the reply read at once.
    if (await form(tab).isVisible()) await form(tab).getByRole("button", { name: "Close" }).first().click();
    await form(tab).waitFor({ state: "hidden" });
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (u) => u.pathname === "/api/v1/widget/events",
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const connecting = page.waitForRequest((r) => r.url().includes("/api/v1/widget/events"));
    await hostPage(page, server, "", "<h1>Billing</h1>");
    await connecting; // the list is loaded; the stream is not subscribed yet
    await agentReply("Got it, looking now.");
    release();
    await page.getByRole("button", { name: "Help and support, 1 unread reply" }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  test("a reply sent offline says it waits and keeps the text; back online it goes out once, without pressing Send again", async () => {
    await openThread(tab);
    await context.setOffline(true);
    await form(tab).getByLabel("Your reply").fill("Sent from the train");
    await form(tab).getByRole("button", { name: "Send reply" }).click();
    await form(tab).getByRole("status").getByText("You're offline").waitFor();
    // Longer than the retries of a flaky connection (1 s, then 2 s): it still waits, and no error is shown.
    await tab.waitForTimeout(4_000);
    expect(await form(tab).getByRole("alert").count()).toBe(0);
    expect(await form(tab).getByLabel("Your reply").inputValue()).toBe("Sent from the train");

    await context.setOffline(false);
    await thread(tab).getByText("Sent from the train").waitFor();
    await expect.poll(() => form(tab).getByLabel("Your reply").inputValue()).toBe("");
    expect(await form(tab).getByRole("status").getByText("You're offline").count()).toBe(0);
    expect((await customerMessages()).filter((b) => b === "Sent from the train")).toHaveLength(1);
  });

  test("a reply over the limit is refused with a clear message and kept whole, not cut short", async () => {
    await openThread(tab);
    const long = `${"All the details. ".repeat(600)}END`; // 10,203 characters, as if pasted from an email
    const posts: string[] = [];
    tab.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/messages")) posts.push(r.url());
    });
    await form(tab).getByLabel("Your reply").fill(long);
    const kept = async () => (await form(tab).getByLabel("Your reply").inputValue()).length; // no 10 KB diffs
    expect(await kept()).toBe(long.length);
    await form(tab).getByRole("button", { name: "Send reply" }).click();
    await form(tab)
      .getByRole("alert")
      .getByText(/too long.*10,000/)
      .waitFor();
    expect(await kept()).toBe(long.length);
    expect(posts).toEqual([]);
    await form(tab).getByLabel("Your reply").fill("");
  });

  test("links in a long agent reply are clickable, open in a new tab without opener, and never javascript:", async () => {
    await openThread(tab);
    const filler = "Here is what we found in the logs. ".repeat(40);
    await agentReply(
      `${filler}\nGuide: https://docs.example.com/invoices?tab=pdf&v=2. Also see (https://status.example.com/).\n` +
        `Not a link: javascript:alert(document.domain) nor <a href="javascript:alert(1)">click</a>`,
    );
    await thread(tab)
      .getByText(/Not a link/)
      .waitFor();
    const links = thread(tab).locator("a");
    expect(
      await links.evaluateAll((as) =>
        as.map((a) => [a.getAttribute("href"), a.getAttribute("rel"), a.getAttribute("target")]),
      ),
    ).toEqual([
      ["https://docs.example.com/invoices?tab=pdf&v=2", "noopener noreferrer", "_blank"],
      ["https://status.example.com/", "noopener noreferrer", "_blank"],
    ]);
    expect(await thread(tab).textContent()).toContain('<a href="javascript:alert(1)">click</a>');
    // The long reply wraps inside the dialog instead of widening it.
    expect(await form(tab).evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  });

  test("closed while the customer is typing: the text they wrote is not lost, it starts the new message", async () => {
    await openThread(tab);
    await form(tab).getByLabel("Your reply").fill("One more thing: the March invoice too");
    await agent("PATCH", `/api/v1/tickets/${ticketId}`, { status: "closed" });
    await form(tab)
      .getByRole("alert")
      .getByText(/This conversation is closed/)
      .waitFor({ timeout: 10_000 });
    await form(tab).getByRole("button", { name: "New message" }).last().click();
    expect(await form(tab).getByLabel("Description").inputValue()).toBe("One more thing: the March invoice too");
    await tab.keyboard.press("Escape");
  });

  test("a closed ticket, in German: the customer sees it is closed, cannot reply, and can start a new message", async () => {
    const page = await context.newPage();
    await hostPage(page, server, 'data-locale="de"', "<h1>Rechnungen</h1>");
    await agent("PATCH", `/api/v1/tickets/${ticketId}`, { status: "closed" });
    await page.getByRole("button", { name: /^Hilfe/ }).click();
    await form(page).getByRole("button", { name: "Ihre Unterhaltungen" }).click();
    await form(page)
      .getByRole("button", { name: /Invoice PDF is blank.*Geschlossen/ })
      .click();
    await form(page).getByRole("alert").getByText("Diese Unterhaltung ist geschlossen.", { exact: false }).waitFor();
    expect(await form(page).getByLabel("Ihre Antwort").count()).toBe(0);
    // The thread's files, in German too (they load with the thread, after its messages).
    await form(page).getByLabel("Screenshot oder Datei anhängen").waitFor();
    expect(await form(page).getByRole("region", { name: "Dateien" }).count()).toBe(1);
    await form(page).getByRole("button", { name: "Neue Nachricht" }).last().click();
    await form(page).getByLabel("Betreff").waitFor();
    await form(page).getByLabel("Screenshots oder Dateien anhängen").waitFor();
    const text = (await form(page).textContent()) ?? "";
    expect(text).toContain("Dateien hierher ziehen");
    expect(text).not.toMatch(/Attach|Drop files|Uploading|Not attached/);
    await page.close();
    expect(errors).toEqual([]);
  });
});
