import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet } from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: the workspace admin's first day of settings (QA day 13)", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("an origin typed in capitals with a slash is saved as browsers send it; a page's address names its line", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const origins = page.getByLabel("Allowed origins (one per line)");
    await origins.waitFor();
    await origins.fill("HTTPS://App.Northwind.example/\nhttps://app.northwind.example/login");
    await page.getByRole("button", { name: "Save origins" }).click();
    await page
      .getByRole("alert")
      .getByText(
        `"https://app.northwind.example/login" is a page's address: an origin is only its scheme and host, https://app.northwind.example`,
      )
      .waitFor();
    await origins.fill("HTTPS://App.Northwind.example/");
    await page.getByRole("button", { name: "Save origins" }).click();
    await page.getByRole("status").getByText("Saved: the widget runs on https://app.northwind.example.").waitFor();
    expect(await origins.inputValue()).toBe("https://app.northwind.example");
    expect(await page.getByRole("alert").count()).toBe(0);
    expect((await agentGet<{ allowedOrigins: string[] }>(server, "/api/v1/workspace")).allowedOrigins).toEqual([
      "https://app.northwind.example",
    ]);
    expect(errors).toEqual([]);
    await close();
  });

  test("erasing an address nobody filed from says nothing was erased and keeps it to correct", async () => {
    await fileTicket(server, richTicket(Date.now(), { email: "kai@privacy.example", subject: "Forget me" }));
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const section = page.locator("#privacy");
    const who = section.getByLabel("Customer email or user id");
    await who.waitFor();
    await who.fill("kia@privacy.example");
    await section.getByLabel(/I understand erasing cannot be undone/).check();
    await section.getByRole("button", { name: "Erase this customer everywhere" }).click();
    await section
      .getByRole("status")
      .getByText("No ticket was filed by kia@privacy.example: nothing was erased.", { exact: false })
      .waitFor();
    expect(await who.inputValue()).toBe("kia@privacy.example");
    // Corrected, in other capitals and with spaces around it: the customer is found and erased.
    await who.fill("  Kai@Privacy.example ");
    await section.getByLabel(/I understand erasing cannot be undone/).check();
    await section.getByRole("button", { name: "Erase this customer everywhere" }).click();
    await section.getByRole("status").getByText("Erased: 1 tickets", { exact: false }).waitFor();
    expect(await who.inputValue()).toBe("");
    expect(errors).toEqual([]);
    await close();
  });

  test("a rule in German whose status range is upside down is refused at that field, saying it would never fire", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    await page.getByRole("button", { name: "Add a rule" }).click();
    const form = page.getByRole("form", { name: "New rule" });
    await form.getByLabel("Rule name").fill("Zahlung fehlgeschlagen");
    await form.getByLabel("Subject or description mentions any of").fill("Rechnung, Überweisung fehlgeschlagen");
    await form.getByLabel("A failed request to").fill("*/api/zahlungen/*");
    await form.getByLabel("with status from").fill("500");
    await form.getByLabel("to", { exact: true }).fill("400");
    await form.getByLabel("Send to queue").fill("billing");
    await form.getByRole("button", { name: "Add rule" }).click();
    const invalid = form.locator(".field--invalid");
    await invalid.getByText("would never fire", { exact: false }).waitFor();
    expect(await invalid.count()).toBe(1);
    expect(await invalid.locator("label").textContent()).toBe("to");
    await form.getByLabel("to", { exact: true }).fill("599");
    await form.getByRole("button", { name: "Add rule" }).click();
    const added = page.getByRole("listitem", { name: "Zahlung fehlgeschlagen" });
    expect((await added.textContent())?.toLowerCase()).toContain('"rechnung", "überweisung fehlgeschlagen"');
    expect(errors).toEqual([]);
    await close();
  });

  test("a new API token is copied from the keyboard: focus lands on Copy token, then Done goes back to the name", async () => {
    const { page, errors, close } = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
    await logIn(page, server, "/console/admin");
    const section = page.locator("#api-tokens");
    await section.getByLabel("Token name").fill("Nightly export");
    await section.getByRole("button", { name: "Create token" }).focus();
    await page.keyboard.press("Enter");
    const copy = section.getByRole("button", { name: "Copy token" });
    await copy.waitFor();
    await expect.poll(() => copy.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await section.getByRole("button", { name: "Copied" }).waitFor();
    const shown = await section.locator("code.mono").textContent();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => section.getByLabel("Token name").evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await section.locator("code.mono").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("adding an agent whose email is a deactivated agent's says so and reactivates them from there", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const form = page.getByRole("form", { name: "Add an agent" });
    const add = async (name: string, email: string) => {
      await form.getByLabel("New agent's name").fill(name);
      await form.getByLabel("New agent's email").fill(email);
      await form.getByLabel("New agent's password").fill("debs password 12");
      await form.getByLabel("New agent's tier").selectOption("2");
      await form.getByRole("button", { name: "Add agent" }).click();
    };
    await add("Deb Billing", "deb@example.com");
    const row = page.locator("#agents tbody tr", { hasText: "deb@example.com" });
    await row.getByRole("button", { name: "Deactivate Deb Billing" }).click();
    await row.getByRole("button", { name: "Reactivate Deb Billing" }).waitFor();

    await add("Deb Again", "Deb@Example.com");
    await form
      .getByRole("alert")
      .getByText("deb@example.com is Deb Billing's account, deactivated.", { exact: false })
      .waitFor();
    await form.getByRole("button", { name: "Reactivate Deb Billing" }).click();
    await row.getByRole("button", { name: "Deactivate Deb Billing" }).waitFor();
    expect(await form.getByRole("alert").count()).toBe(0);
    expect(await page.locator("#agents tbody tr", { hasText: "deb@example.com" }).count()).toBe(1);
    expect(await row.textContent()).toContain("Deb Billing");

    await add("Deb Twice", "deb@example.com");
    await form
      .getByRole("alert")
      .getByText("deb@example.com is already Deb Billing's account (agent, tier 2)", { exact: false })
      .waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("demoting yourself as the only admin is refused; Escape closes the edit and its refusal with it", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    await page.getByRole("button", { name: "Edit Admin" }).click();
    await page.getByLabel("Admin's role").selectOption("agent");
    await page.getByRole("form", { name: "Edit Admin" }).getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").getByText("You are the only admin: make someone else admin first").waitFor();
    await page.getByLabel("Admin's role").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("alert").count()).toBe(0);
    await expect
      .poll(() => page.getByRole("button", { name: "Edit Admin" }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await page.locator("#agents tbody tr", { hasText: "admin@example.com" }).textContent()).toContain("admin");
    expect(errors).toEqual([]);
    await close();
  });
});
