import { describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { waitForRecorder } from "./widget-fixtures.js";

/**
 * The walking skeleton as a customer and an agent live it: click around the demo app, file a ticket through the
 * widget, then log into the console, open it, and replay what the customer did.
 */
describe.skipIf(!HAS_BROWSER)("from the customer's click to the agent's replay", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("a ticket filed in the demo app is replayable in the console with its clicks", { timeout: 90_000 }, async () => {
    const customer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await customer.goto(`${server.url}/demo/`);
    await customer.getByRole("button", { name: /Help/ }).waitFor();
    // Capture and the recorder start after the launcher shows (off its critical path); a click before that is not
    // recorded, as for a customer who clicks in the first instant of a page load.
    await waitForRecorder(customer);
    await customer.getByRole("link", { name: "Reports" }).click();
    await customer.getByRole("heading", { name: "Reports" }).waitFor();
    await customer.getByRole("button", { name: "Export" }).click();
    await customer.waitForTimeout(1200);

    await customer.getByRole("button", { name: /Help/ }).click();
    const form = customer.getByRole("dialog");
    await form.getByLabel("Email", { exact: true }).fill("jamie@northwind.example");
    await form.getByLabel("Subject").fill("Export button fails");
    await form.getByLabel("Description").fill("I click Export on Reports and nothing downloads.");
    await form.getByRole("button", { name: "Send" }).click();
    const confirmation = customer.getByText(/HO-\d+/);
    await confirmation.waitFor({ timeout: 20_000 });
    const reference = (await confirmation.textContent())!.match(/HO-\d+/)![0];

    const agent = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await agent.goto(`${server.url}/console/`);
    await agent.getByLabel("Email").fill(server.admin.email);
    await agent.getByLabel("Password").fill(server.admin.password);
    await agent.getByRole("button", { name: "Log in" }).click();
    const row = agent.getByRole("link", { name: "Export button fails" });
    await row.waitFor();
    expect(await agent.getByText(reference).count()).toBeGreaterThan(0);
    await row.click();
    await agent.getByRole("heading", { name: "Export button fails" }).waitFor();

    // The clicks list shows what the customer clicked.
    const clicks = agent.getByRole("region", { name: "Clicks" });
    await expect.poll(() => clicks.textContent()).toContain("Export");
    await expect.poll(() => clicks.textContent()).toContain("Reports");

    // The replay renders the demo page's own text, inside an iframe that may not run scripts.
    const frame = agent.locator("iframe").first();
    await frame.waitFor({ timeout: 20_000 });
    expect(await frame.getAttribute("sandbox")).toBe("allow-same-origin");
    const replayText = () => agent.frameLocator("iframe").first().locator("body").textContent();
    await expect.poll(replayText, { timeout: 15_000 }).toMatch(/Reports|Dashboard/);

    await customer.close();
    await agent.close();
  });
});
