import type { Browser, Page, Route } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ticketBody } from "../helpers/test-app.js";
import { adminCookie, fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, loseFirstAnswer, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet } from "./widget-fixtures.js";

const TARA = { email: "tara@example.com", password: "tara's long password", name: "Tara Quinn" };
const SAM = { email: "sam@example.com", password: "sam's long password", name: "Sam Okafor" };

/**
 * A reply reaches the customer once: one whose answer was lost and is sent again from the composer is stored once;
 * agent collision, two agents answer one customer at once, and the second is shown the first's reply before sending.
 */
describe.skipIf(!HAS_BROWSER)("console: a reply sent again, or crossing a colleague's", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  async function agentPage(who: typeof TARA, path: string) {
    const opened = await newPage(browser);
    await logIn(opened.page, { ...server, admin: who } as TestServer, path);
    return opened;
  }

  /**
   * Sam's page keeps showing the conversation as first loaded until Sam sends: Tara's reply is written in the moment
   * between (with live updates on, the window is that short; here it is held open so the test does not race).
   */
  async function freezeThread(page: Page, id: string) {
    let first: Awaited<ReturnType<Route["fetch"]>> | undefined;
    let frozen = true;
    await page.route(`**/api/v1/tickets/${id}/messages*`, async (route) => {
      if (route.request().method() === "POST") frozen = false;
      if (route.request().method() !== "GET" || !frozen) return route.continue();
      first ??= await route.fetch();
      return route.fulfill({ response: first });
    });
  }

  test("the answer to Send reply is lost; the agent sends again: one reply, the draft emptied", async () => {
    const ticket = await fileTicket(server, richTicket(Date.now(), { recording: { included: false } }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    const keys = await loseFirstAnswer(page, `**/api/v1/tickets/${ticket.id}/messages`);
    const text = "We found it: the export worker ran out of memory. A fix ships today.";
    await page.getByLabel("Reply to the customer").fill(text);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByRole("alert").getByText("Not sent").waitFor();
    expect(await page.getByLabel("Reply to the customer").inputValue()).toBe(text);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".message--reply", { hasText: "export worker ran out of memory" }).waitFor();
    expect(await page.getByLabel("Reply to the customer").inputValue()).toBe("");

    const stored = await agentGet<{ messages: { body: string }[] }>(server, `/api/v1/tickets/${ticket.id}/messages`);
    expect(stored.messages.map((m) => m.body)).toEqual([text]);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await page.locator(".message--reply").count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("the second reply is held with the colleague's shown and the draft kept; Send anyway sends it once", async () => {
    const cookie = await adminCookie(server);
    for (const agent of [TARA, SAM]) {
      const created = await fetch(`${server.url}/api/v1/agents`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
        body: JSON.stringify(agent),
      });
      expect(created.status).toBe(201);
    }
    const { id } = await fileTicket(server, ticketBody({ subject: "Export hangs", recording: { included: false } }));
    const tara = await agentPage(TARA, `/console/tickets/${id}`);
    const sam = await newPage(browser);
    await freezeThread(sam.page, id);
    await logIn(sam.page, { ...server, admin: SAM } as TestServer, `/console/tickets/${id}`);
    const samText = "Could you clear the browser cache and try the export again?";
    await sam.page.getByLabel("Reply to the customer").fill(samText);

    const taraText = "A fix for the export ships today; no need to do anything.";
    await tara.page.getByLabel("Reply to the customer").fill(taraText);
    await tara.page.getByRole("button", { name: "Send reply" }).click();
    await tara.page.locator(".message--reply", { hasText: taraText }).waitFor();

    await sam.page.getByRole("button", { name: "Send reply" }).click();
    const notice = sam.page.getByRole("alert").filter({ hasText: "Send anyway" });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Tara Quinn replied .+\. Review their reply; send yours anyway\?/);
    await sam.page.locator(".message--reply", { hasText: taraText }).waitFor();
    expect(await sam.page.getByLabel("Reply to the customer").inputValue()).toBe(samText);
    const held = await agentGet<{ messages: { body: string }[] }>(server, `/api/v1/tickets/${id}/messages`);
    expect(held.messages.map((m) => m.body)).toEqual([taraText]);

    await notice.getByRole("button", { name: "Send anyway" }).click();
    await sam.page.locator(".message--reply", { hasText: samText }).waitFor();
    expect(await sam.page.getByLabel("Reply to the customer").inputValue()).toBe("");
    expect(await sam.page.getByRole("alert").filter({ hasText: "Send anyway" }).count()).toBe(0);
    const stored = await agentGet<{ messages: { body: string; authorName: string }[] }>(
      server,
      `/api/v1/tickets/${id}/messages`,
    );
    expect(stored.messages.map((m) => `${m.authorName}: ${m.body}`)).toEqual([
      `Tara Quinn: ${taraText}`,
      `Sam Okafor: ${samText}`,
    ]);
    expect([...tara.errors, ...sam.errors]).toEqual([]);
    await Promise.all([tara.close(), sam.close()]);
  });
});
