import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { adminCookie, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Edits to the matrix survive what happens around them: another admin saving first, other rules moved or deleted.
describe.skipIf(!HAS_BROWSER)("console: editing the matrix keeps what the admin typed", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the edits survive the conflict and a second save stores them on top of the other admin's version", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    await page.getByRole("heading", { level: 1, name: "Escalation matrix" }).waitFor();
    await page
      .getByRole("listitem", { name: "Questions and feature requests are low" })
      .getByRole("button", { name: "Delete" })
      .click();
    await page.getByRole("status").getByText("Unsaved changes.").waitFor();

    // Meanwhile another admin saves version 2 (the same rules, through the API).
    const headers = { Cookie: await adminCookie(server), Origin: server.url, "Content-Type": "application/json" };
    const matrixUrl = `${server.url}/api/v1/matrix`;
    const current = await (await fetch(matrixUrl, { headers })).json();
    const put = await fetch(matrixUrl, {
      method: "PUT",
      headers,
      body: JSON.stringify({ baseVersion: current.version, rules: current.rules }),
    });
    expect(put.status).toBe(200);

    await page.getByRole("button", { name: "Save as a new version" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: /version 2/ });
    await conflict.waitFor();
    const told = await conflict.textContent();
    expect(await page.getByRole("listitem", { name: "Questions and feature requests are low" }).count()).toBe(0);
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Version 3 by Admin").waitFor();
    expect(told).toContain("Admin saved version 2 while you were editing. Your changes are still here");
    const saved = await (await fetch(matrixUrl, { headers })).json();
    expect(saved.version).toBe(3);
    expect(saved.rules.map((r: { id: string }) => r.id)).not.toContain("question");
    expect(errors).toEqual([]);
    await close();
  });

  test("unsaved edits are still there after visiting another screen, until discarded", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    const rule = page.getByRole("listitem", { name: "Enterprise + critical goes straight to tier 2" });
    await rule.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("status").getByText("Unsaved changes.").waitFor();
    await page.getByRole("link", { name: "Tickets" }).click();
    await page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    await page.getByRole("link", { name: "Escalation matrix" }).click();
    await page.getByRole("heading", { level: 1, name: "Escalation matrix" }).waitFor();
    await page.getByRole("listitem", { name: "Billing words go to billing" }).waitFor();
    expect(await page.getByRole("status").getByText("Unsaved changes.").count()).toBe(1);
    expect(await rule.count()).toBe(0);
    await page.getByRole("button", { name: "Discard" }).click();
    await rule.waitFor();
    await page.reload();
    await rule.waitFor();
    expect(await page.getByText("Unsaved changes.").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("a rule being edited stays open with what was typed while other rules are moved and deleted", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    const billing = "Billing words go to billing";
    await page.getByRole("listitem", { name: billing }).getByRole("button", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: `Edit rule ${billing}` });
    await form.getByLabel("Rule name").fill("Billing and invoice words go to billing");
    await page.getByRole("button", { name: "Move Service down or data loss is critical down" }).click();
    await page
      .getByRole("listitem", { name: "Degraded with a workaround is medium" })
      .getByRole("button", { name: "Delete" })
      .click();
    expect(await form.getByLabel("Rule name").inputValue()).toBe("Billing and invoice words go to billing");
    await form.getByRole("button", { name: "Update rule" }).click();
    await page.getByRole("listitem", { name: "Billing and invoice words go to billing" }).waitFor();
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Version 4 by Admin").waitFor();
    const headers = { Cookie: await adminCookie(server) };
    const saved = await (await fetch(`${server.url}/api/v1/matrix`, { headers })).json();
    const names = saved.rules.map((r: { name: string }) => r.name);
    expect(names).toContain("Billing and invoice words go to billing");
    expect(names).not.toContain(billing);
    expect(names).not.toContain("Degraded with a workaround is medium");
    expect(names.indexOf("Service down or data loss is critical")).toBe(
      names.indexOf("Blocked core workflow is high") + 1,
    );
    expect(errors).toEqual([]);
    await close();
  });

  test("reordering rules from the keyboard: focus stays on the moved rule's arrow, the other one at either end", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/matrix");
    await page.getByRole("heading", { level: 1, name: "Escalation matrix" }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    const second = "Service down or data loss is critical";
    const order = () => page.locator(".rule-list > li").evaluateAll((items) => items.map((li) => li.ariaLabel));
    const start = (await order()).indexOf(second);
    await page.getByRole("button", { name: `Move ${second} down` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe(`Move ${second} down`);
    await page.keyboard.press("Enter"); // again, with the same key
    await expect.poll(focused).toBe(`Move ${second} down`);
    await expect.poll(async () => (await order()).indexOf(second)).toBe(start + 2);
    // Up to the top: its "up" arrow is then disabled, focus goes to "down".
    await page.getByRole("button", { name: `Move ${second} up` }).focus();
    for (let i = 0; i < start + 2; i++) {
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await order()).indexOf(second)).toBe(start + 1 - i);
    }
    await expect.poll(focused).toBe(`Move ${second} down`);
    expect(await page.locator(".rule-list > li").first().getAttribute("aria-label")).toBe(second);
    await page.getByRole("button", { name: "Discard" }).click();
    expect(errors).toEqual([]);
    await close();
  });
});
