import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { fillForm, form, openWidget, ticketRequest, widgetPage } from "./widget-fixtures.js";

const file = (name: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(`contents of ${name}`) });

describe.skipIf(!HAS_BROWSER)("attachments: in the order the customer picked them", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the first file picked finishes uploading last; the agent and the customer still see it first", async () => {
    const customer = await widgetPage(browser);
    const { page } = customer;
    // The first file is the big one: its upload reaches the server only once the other two are stored.
    const others = new Set<string>();
    let othersStored!: () => void;
    const bothStored = new Promise<void>((resolve) => (othersStored = resolve));
    page.on("response", (r) => {
      const name = /filename=(2-error|3-steps)\.txt/.exec(r.url())?.[1];
      if (name && r.request().method() === "POST" && r.status() === 201) others.add(name);
      if (others.size === 2) othersStored();
    });
    await page.route(/filename=1-invoice\.txt/, async (route) => {
      if (route.request().method() === "POST") await bothStored;
      await route.continue();
    });
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await fillForm(page, "Invoice total is wrong", "Invoice, the error and my steps attached");
    await form(page)
      .getByLabel("Attach screenshots or files")
      .setInputFiles([file("1-invoice.txt"), file("2-error.txt"), file("3-steps.txt")]);
    const firstStored = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes("filename=1-invoice.txt"),
    );
    const [request] = await Promise.all([
      ticketRequest(page),
      form(page).getByRole("button", { name: "Send" }).click(),
    ]);
    const created = (await (await request.response())!.json()) as { id: string };
    expect((await firstStored).status()).toBe(201);

    const agent = await newPage(browser);
    await logIn(agent.page, server, `/console/tickets/${created.id}`);
    const agentFiles = agent.page.locator(".attachments__list li");
    await expect.poll(() => agentFiles.count()).toBe(3);
    expect(await agentFiles.evaluateAll((items) => items.map((li) => li.getAttribute("data-attachment")))).toEqual([
      "1-invoice.txt",
      "2-error.txt",
      "3-steps.txt",
    ]);
    expect(agent.errors).toEqual([]);
    await agent.close();

    await form(page).getByRole("button", { name: "View conversation" }).click();
    const theirs = form(page).getByRole("list", { name: "Files in this conversation" }).locator("li");
    await expect.poll(() => theirs.count()).toBe(3);
    expect(await theirs.evaluateAll((items) => items.map((li) => li.getAttribute("data-file")))).toEqual([
      "1-invoice.txt",
      "2-error.txt",
      "3-steps.txt",
    ]);
    expect(customer.errors).toEqual([]);
    await customer.close();
  });
});
