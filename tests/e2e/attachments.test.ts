import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { fillForm, form, hostPage, openWidget, pasteScreenshot, ticketRequest, widgetPage } from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("attachments: a screenshot from the widget, inline in the console", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the customer pastes a screenshot, sees its preview, sends; the agent sees it inline and answers with a file the customer sees", async () => {
    const customer = await widgetPage(browser);
    const { page } = customer;
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await fillForm(page, "Chart is blank", "See the screenshot");

    // A real PNG drawn in the page, pasted into the description as a screenshot tool would.
    const description = form(page).getByLabel("Description");
    await pasteScreenshot(description);
    const preview = form(page).getByRole("list", { name: "Attached files" }).locator("li", { hasText: "chart.png" });
    await preview.waitFor();
    await expect.poll(() => preview.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);

    const uploaded = page.waitForResponse(
      (r) => r.request().method() === "POST" && /\/attachments\?filename=chart\.png&position=0$/.test(r.url()),
    );
    const [request] = await Promise.all([
      ticketRequest(page),
      form(page).getByRole("button", { name: "Send" }).click(),
    ]);
    const created = (await (await request.response())!.json()) as { id: string };
    expect((await uploaded).status()).toBe(201);

    const agent = await newPage(browser);
    await logIn(agent.page, server, `/console/tickets/${created.id}`);
    const image = agent.page.getByRole("img", { name: "chart.png" });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);

    // The agent answers with a file of their own; the customer sees it in the conversation.
    const [screenshot] = await Promise.all([
      agent.page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("filename=steps.png")),
      agent.page.getByLabel("Attach files").setInputFiles({
        name: "steps.png",
        mimeType: "image/png",
        buffer: Buffer.from(
          await image.evaluate(async (img: HTMLImageElement) => {
            const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
            return Array.from(bytes);
          }),
        ),
      }),
    ]);
    expect(screenshot.status()).toBe(201);
    await agent.page.getByRole("img", { name: "steps.png" }).waitFor();
    // Nothing here is internal: the panel says so before the upload, and the upload is read out saying so again.
    expect(await agent.page.getByLabel("Attach files").getAttribute("aria-describedby")).toBe("attachments-shared");
    expect(await agent.page.locator("#attachments-shared").textContent()).toBe(
      "The customer sees every file here in the widget, as they see your replies.",
    );
    await expect
      .poll(() => agent.page.getByTestId("announcer").textContent())
      .toBe("Attached steps.png: the customer sees it in the widget");
    expect(agent.errors).toEqual([]);
    await agent.close();

    await form(page).getByRole("button", { name: "View conversation" }).click();
    const files = form(page).getByRole("list", { name: "Files in this conversation" });
    const theirs = files.getByRole("img", { name: "steps.png" });
    await theirs.waitFor();
    await expect.poll(() => theirs.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    await files.getByRole("img", { name: "chart.png" }).waitFor();
    expect(customer.errors).toEqual([]);
    await customer.close();
  });

  test("files the storage cannot take now are tried again, and the customer is told which were not attached", async () => {
    const customer = await widgetPage(browser);
    const { page } = customer;
    // The bucket is down: every attempt at notes.txt is 503 (Retry-After 0 keeps the retries quick); shot.png goes.
    const attempts: string[] = [];
    await page.route(/\/attachments\?filename=notes\.txt&position=0$/, (route) => {
      attempts.push(route.request().url());
      return route.fulfill({
        status: 503,
        headers: { "Retry-After": "0", "Access-Control-Allow-Origin": "*", "Content-Type": "application/json" },
        body: JSON.stringify({
          error: { code: "unavailable", message: "File storage cannot be reached", requestId: "x" },
        }),
      });
    });
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await fillForm(page, "Report is empty", "Notes attached");
    await form(page)
      .getByLabel("Attach screenshots or files")
      .setInputFiles([
        { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("what I clicked") },
        { name: "steps.txt", mimeType: "text/plain", buffer: Buffer.from("the steps") },
      ]);
    await form(page).getByRole("button", { name: "Send" }).click();
    const alert = form(page).getByRole("alert").filter({ hasText: "notes.txt" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Could not be attached now: notes.txt.");
    expect(await alert.textContent()).not.toContain("steps.txt");
    expect(attempts.length).toBeGreaterThan(1);
    expect(customer.errors).toEqual([]);
    await customer.close();
  });

  test("a file over 10 MB is refused with its size, a wrong type with its name; the right one is kept", async () => {
    const { page, close } = await widgetPage(browser);
    await hostPage(page, server, 'data-locale="de"', "<h1>Abrechnung</h1>");
    await page.getByRole("button", { name: /^Hilfe/ }).click();
    const files = form(page).getByLabel("Screenshots oder Dateien anhängen");
    await files.setInputFiles([
      { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
      { name: "screen-recording.png", mimeType: "image/png", buffer: Buffer.alloc(12.5 * 2 ** 20, 1) },
      { name: "steps.txt", mimeType: "text/plain", buffer: Buffer.from("1. open Reports") },
    ]);
    // The customer can tell which file was too big (and by how much) and which was of the wrong kind.
    expect(await form(page).getByRole("alert").textContent()).toBe(
      "Nicht angehängt (Dateityp oder Größe, höchstens 10 MB): setup.exe, screen-recording.png (12,5 MB)",
    );
    expect(
      await form(page)
        .locator("li[data-file]")
        .evaluateAll((li) => li.map((x) => x.dataset.file)),
    ).toEqual(["steps.txt"]);
    await close();
  });

  test("in a conversation, a screenshot pasted into the reply box is attached to it", async () => {
    const customer = await widgetPage(browser);
    const { page } = customer;
    await page.goto(`${server.url}/demo/`);
    await openWidget(page);
    await fillForm(page, "Totals are wrong", "The totals row is off");
    await form(page).getByRole("button", { name: "Send" }).click();
    await form(page).getByRole("button", { name: "View conversation" }).click();
    const reply = form(page).getByLabel("Your reply");
    await reply.waitFor();
    await reply.fill("Here is what I see now");
    await pasteScreenshot(reply, "totals.png", 64, 48);
    const files = form(page).getByRole("list", { name: "Files in this conversation" });
    const shot = files.getByRole("img", { name: "totals.png" });
    await shot.waitFor();
    await expect.poll(() => shot.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    expect(await reply.inputValue()).toBe("Here is what I see now");
    expect(customer.errors).toEqual([]);
    await customer.close();
  });
});
