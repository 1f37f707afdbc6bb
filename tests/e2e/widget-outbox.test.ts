import { describe, expect, test } from "vitest";
import type { Browser, Route } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import {
  fillForm,
  form,
  hostPage,
  openWidget,
  outboxCount,
  previewText,
  storedRecording,
  ticketRequest,
  ticketsWithSubject,
  widgetPage,
} from "./widget-fixtures.js";

const TICKETS = "**/api/v1/widget/tickets";
const RECORDING = "**/api/v1/widget/tickets/*/recording";

// Customers reload pages that misbehave, and on a site of plain pages every link is a page load: neither loses a
// ticket, nor a message typed into the form and not sent yet (it is still there when the widget is opened again in
// that tab, and gone once it is sent).
describe.skipIf(!HAS_BROWSER)("widget outbox: no ticket is ever lost, nor an unsent message", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("server unreachable at submit -> page reloaded -> server back: the ticket and its recording arrive exactly once", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await page.goto(`${server.url}/demo/`);
    await page.getByRole("link", { name: "Reports" }).click();
    await openWidget(page);
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);

    // The worst case for duplicates: the first POST reaches the server but its answer is lost on the way back;
    // after that the server is unreachable.
    let posts = 0;
    const down = async (route: Route) => {
      if (route.request().method() === "POST" && posts++ === 0) await route.fetch();
      await route.abort("connectionrefused");
    };
    await page.route(TICKETS, down);
    await page.route(RECORDING, down);
    const subject = "Outbox: lost answer then offline";
    await fillForm(page, subject);
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByRole("heading", { name: "Message saved" }).waitFor({ timeout: 15_000 });
    expect(await form(page).getByRole("status").textContent()).toContain("will be sent automatically");
    expect(posts).toBeGreaterThan(1); // it was retried before giving up for now
    expect(await outboxCount(page)).toBe(1);
    const [pending] = await ticketsWithSubject(server, subject);
    expect(pending.recordingStatus).toBe("pending"); // the first attempt made it, without its recording

    await page.unrouteAll();
    await page.reload();
    await expect.poll(() => outboxCount(page), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(async () => (await ticketsWithSubject(server, subject)).map((t) => t.recordingStatus))
      .toEqual(["stored"]);
    const events = await storedRecording(server, pending.id);
    expect(events[0].type).toBe(4);
    expect(events[1].type).toBe(2);

    // Another page load sends nothing more.
    await page.reload();
    await page.getByRole("button", { name: /Help/ }).waitFor();
    await page.waitForTimeout(500); // let the idle-time flush run; nothing should be left for it
    expect(await ticketsWithSubject(server, subject)).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("when only the recording upload fails, only the recording is retried later", async () => {
    const { page, close } = await widgetPage(browser);
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await expect.poll(() => previewText(page), { timeout: 15_000 }).toMatch(/\d+ s recording/);
    let uploads = 0;
    await page.route(RECORDING, (route) => {
      uploads++;
      return route.fulfill({ status: 503, headers: { "Retry-After": "0" }, body: "" });
    });
    const subject = `Outbox: upload fails ${Date.now()}`; // unique: a retry of this test must not see the first try's ticket
    await fillForm(page, subject);
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page)
      .getByRole("heading", { name: /Ticket HO-\d+ created/ })
      .waitFor();
    await form(page)
      .getByText("The recording is saved and will be attached automatically.")
      .waitFor({ timeout: 15_000 });
    expect(uploads).toBeGreaterThan(1);
    expect((await ticketsWithSubject(server, subject)).map((t) => t.recordingStatus)).toEqual(["pending"]);

    await page.unrouteAll();
    let posts = 0;
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith("/api/v1/widget/tickets") && posts++);
    await page.reload();
    await expect.poll(() => outboxCount(page), { timeout: 15_000 }).toBe(0);
    expect((await ticketsWithSubject(server, subject)).map((t) => t.recordingStatus)).toEqual(["stored"]);
    expect(posts).toBe(0); // the ticket id and upload token were kept: no second create
    await close();
  });

  test("a rejected ticket (4xx other than 408/429) is not retried or kept, and says why", async () => {
    const { page, close } = await widgetPage(browser);
    let posts = 0;
    await page.route(TICKETS, (route) => {
      posts++;
      return route.fulfill({
        status: 403,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "forbidden", message: "Origin not allowed", requestId: "req_1" } }),
      });
    });
    const warnings: string[] = [];
    page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await fillForm(page, "Outbox: rejected");
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByRole("alert").getByText("not set up correctly").waitFor();
    // The customer is told it could not be sent; the developer trying the widget reads the cause in the console.
    expect(warnings).toContain("[Handoff] Origin not allowed");
    expect(posts).toBe(1);
    expect(await outboxCount(page)).toBe(0);
    expect(await form(page).getByLabel("Subject").inputValue()).toBe("Outbox: rejected"); // nothing typed is lost
    await close();
  });

  test("typed, reloaded, still there; sent, reloaded, empty", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", "<h1>Billing</h1>");
    await openWidget(page);
    await fillForm(page, "Invoice PDF is blank", "I typed this for five minutes — عربي too");

    await page.reload();
    await openWidget(page);
    expect(await form(page).getByLabel("Subject").inputValue()).toBe("Invoice PDF is blank");
    expect(await form(page).getByLabel("Description").inputValue()).toBe("I typed this for five minutes — عربي too");

    await fillForm(page, "Invoice PDF is blank", "I typed this for five minutes — عربي too");
    await Promise.all([ticketRequest(page), form(page).getByRole("button", { name: "Send" }).click()]);
    await page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();
    await page.reload();
    await openWidget(page);
    await form(page).getByRole("button", { name: "New message" }).click();
    expect(await form(page).getByLabel("Subject").inputValue()).toBe("");
    expect(await form(page).getByLabel("Description").inputValue()).toBe("");
    expect(errors).toEqual([]);
    await close();
  });

  test("offline at Send, back online on the same page: 'Message saved' turns into the created ticket, once", async () => {
    const { page, errors, close } = await widgetPage(browser);
    await hostPage(page, server, "", "<h1>Billing</h1>");
    await openWidget(page);
    const subject = "Sent while the train was in a tunnel";
    await fillForm(page, subject);
    await page.context().setOffline(true);
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByRole("heading", { name: "Message saved" }).waitFor({ timeout: 15_000 });

    // The widget sends it by itself; the dialog must not keep saying it "will be sent" once it was.
    await page.context().setOffline(false);
    await form(page)
      .getByRole("heading", { name: /Ticket HO-\d+ created/ })
      .waitFor({ timeout: 15_000 });
    await form(page).getByRole("button", { name: "View conversation" }).click();
    await form(page).getByRole("list", { name: subject }).waitFor();
    expect(await ticketsWithSubject(server, subject)).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });
});
