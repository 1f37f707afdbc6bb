import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { fillForm, form, hostPage, openWidget, ticketRequest, widgetPage } from "./widget-fixtures.js";

// On a site of plain pages every link is a page load, and customers reload pages that misbehave: a message typed into
// the form (not sent yet) is still there when the widget is opened again in that tab, and gone once it is sent.
describe.skipIf(!HAS_BROWSER)("widget: the unsent message survives a page load", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

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
});
