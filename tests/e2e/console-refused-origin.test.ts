import { describe, expect, test } from "vitest";
import { HAS_BROWSER, launchBrowser, startTestServer } from "./harness.js";
import { logIn, newPage } from "./console-fixtures.js";
import { fillForm, form, openWidget } from "./widget-fixtures.js";
import { startHostSite } from "./widget-wire-fixtures.js";

/**
 * The developer pastes the script tag into their app and forgets to allow its origin: the customer's ticket is
 * refused. The admin learns it from the empty queue, allows the origin in one click, and the customer's next try
 * (the form kept what they typed) arrives.
 */
describe.skipIf(!HAS_BROWSER)("console: a refused widget origin, found and allowed by the admin", () => {
  test("the empty queue names the refused origin, Allow lets its tickets in", { timeout: 120_000 }, async () => {
    // Its own server and browser, so a retry starts from an empty queue again.
    const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const site = await startHostSite(server.url);
    try {
      const customer = await newPage(browser);
      await customer.page.goto(`${site.origin}/orders`);
      await openWidget(customer.page);
      await fillForm(customer.page, "Export button greyed out", "The CSV export on the orders page does nothing.");
      await form(customer.page).getByRole("button", { name: "Send" }).click();
      await expect.poll(() => form(customer.page).getByRole("alert").textContent()).toContain("not set up correctly");

      const admin = await newPage(browser);
      await logIn(admin.page, server);
      const notice = admin.page.getByRole("status").filter({ hasText: "The widget was refused on" });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(site.origin);
      await notice.getByRole("link", { name: "Review refused origins" }).click();

      const settings = admin.page.locator("#widget-settings");
      await settings.getByRole("region", { name: "Refused origins" }).waitFor();
      // The script tag to paste carries this server and the workspace's default key.
      const tag = await settings.locator(".install-snippet__code").textContent();
      expect(tag).toContain(`<script src="${server.url}/widget.js" data-site-key="pk_`);
      await settings.getByRole("button", { name: `Allow ${site.origin}` }).click();
      await settings.getByRole("region", { name: "Refused origins" }).waitFor({ state: "detached" });
      expect(await settings.getByLabel("Allowed origins (one per line)").inputValue()).toContain(site.origin);

      // The customer's form still holds the ticket: sending again now works.
      expect(await form(customer.page).getByLabel("Subject").inputValue()).toBe("Export button greyed out");
      await form(customer.page).getByRole("button", { name: "Send" }).click();
      await customer.page.getByRole("heading", { name: /Ticket HO-\d+ created/ }).waitFor();

      await admin.page.getByRole("link", { name: "Tickets" }).click();
      await admin.page.getByRole("link", { name: /Export button greyed out/ }).waitFor();
      expect(admin.errors).toEqual([]);
      expect(customer.errors).toEqual([]);
    } finally {
      await site.close();
      await browser.close();
      await server.close();
    }
  });
});
