import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { HAS_BROWSER, loseFirstAnswer, type TestServer, useServerAndBrowser } from "./harness.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { agentGet } from "./widget-fixtures.js";

/** An agent's reply whose answer is lost, sent again from the composer: the customer gets it once. */
describe.skipIf(!HAS_BROWSER)("console: a reply sent again is stored once", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

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
});
