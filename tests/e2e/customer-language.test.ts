import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { form, hostPage, ticketRequest, widgetPage } from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("the customer's language, for the agent who answers", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("a German page in an English browser: the agent sees the customer wrote from a German widget", async () => {
    const customer = await widgetPage(browser);
    const { page } = customer;
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    await hostPage(page, server, 'data-locale="de"', "<h1>Rechnungen</h1>");
    await page.getByRole("button", { name: /^Hilfe/ }).click();
    await form(page).getByLabel("E-Mail", { exact: true }).fill("lena@northwind.example");
    await form(page).getByLabel("Betreff").fill("Rechnung fehlt");
    await form(page).getByLabel("Beschreibung").fill("Die Märzrechnung ist nicht da");
    const [request] = await Promise.all([
      ticketRequest(page),
      form(page).getByRole("button", { name: "Senden" }).click(),
    ]);
    const created = (await (await request.response())!.json()) as { id: string };
    expect(customer.errors).toEqual([]);
    await customer.close();

    const agent = await newPage(browser);
    await logIn(agent.page, server, `/console/tickets/${created.id}`);
    const language = agent.page.getByTestId("customer-language");
    await language.waitFor();
    expect(await language.textContent()).toBe("German (de)");
    // Said again where the agent writes the reply (and read with the reply field).
    const reply = agent.page.getByRole("textbox", { name: "Reply to the customer" });
    expect(await reply.getAttribute("aria-describedby")).toBe("composer-language");
    expect(await agent.page.locator("#composer-language").textContent()).toBe(
      "The widget speaks German to this customer: reply in German.",
    );
    expect(agent.errors).toEqual([]);
    await agent.close();
  });
});
