import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { agentGet } from "./widget-fixtures.js";

describe.skipIf(!HAS_BROWSER)("console: an admin applies retention, exports and erases a customer", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("export downloads the archive; erasure removes the customer and is in the audit; a ticket is deleted", async () => {
    const erased = await fileTicket(
      server,
      richTicket(Date.now(), { email: "gone@privacy.example", subject: "Forget me" }),
    );
    const deleted = await fileTicket(
      server,
      richTicket(Date.now(), { email: "del@privacy.example", subject: "Delete me" }),
    );
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const section = page.locator("#privacy");
    await section.getByLabel("Delete recordings after (days)").waitFor();
    expect(await section.getByLabel("Delete recordings after (days)").inputValue()).toBe("90");

    await section.getByLabel("Delete recordings after (days)").fill("30");
    await section.getByLabel(/Anonymise resolved and closed tickets/).fill("365");
    await section.getByRole("button", { name: "Save retention" }).click();
    await section.getByRole("status").filter({ hasText: "Retention saved." }).waitFor();
    expect(await agentGet(server, "/api/v1/privacy/retention")).toEqual({
      recordingDays: 30,
      anonymiseClosedAfterDays: 365,
    });

    await section.getByLabel("Customer email or user id").fill("gone@privacy.example");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: "Export their data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-export-.*\.tar\.gz$/);

    const erase = section.getByRole("button", { name: "Erase this customer everywhere" });
    expect(await erase.isDisabled()).toBe(true);
    await section.getByLabel(/I understand erasing cannot be undone/).check();
    await erase.click();
    await section.getByRole("status").filter({ hasText: "Erased: 1 tickets" }).waitFor();
    await section.locator(".privacy-audit li", { hasText: "Customer erased" }).waitFor();
    const ticket = await agentGet<{ subject: string; customer: { email: string } }>(
      server,
      `/api/v1/tickets/${erased.id}`,
    );
    expect(ticket.subject).toBe("[erased]");
    expect(ticket.customer.email).not.toContain("gone@privacy.example");

    await page.goto(`${server.url}/console/tickets/${deleted.id}`);
    await page.getByRole("button", { name: "Delete ticket" }).click();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await page.waitForURL((url) => !url.pathname.includes(deleted.id));
    await expect(agentGet(server, `/api/v1/tickets/${deleted.id}`)).rejects.toThrow(/failed: 404/);
    expect(errors).toEqual([]);
    await close();
  });
});
