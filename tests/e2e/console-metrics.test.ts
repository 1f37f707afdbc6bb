import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { logIn, newPage } from "./console-fixtures.js";
import { addAgent, addTicket, hours, timeline } from "../helpers/escalation-history.js";

describe.skipIf(!HAS_BROWSER)("console: escalation metrics dashboard", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const db = server.database.db;
    const ws = server.bootstrap.workspace.id;
    const ana = await addAgent(db, ws, "Ana");
    const cara = await addAgent(db, ws, "Cara", 2);
    const day = (n: number) => new Date(Date.now() - n * 24 * hours(1));
    // Four tickets this month: two escalated (exports), two resolved at first contact (billing).
    for (const [subject, queue, escalate, ago] of [
      ["CSV export times out", "exports", true, 3],
      ["Export button greyed out", "exports", true, 2],
      ["Invoice address wrong", "billing", false, 4],
      ["Refund for March", "billing", false, 1],
    ] as const) {
      const createdAt = day(ago);
      const ticket = await addTicket(db, { workspaceId: ws, createdAt, queue, subject });
      const h = timeline(db, ws, ticket.id, createdAt);
      await h.assign(0, ana);
      if (escalate) await h.escalate(hours(1), ana, cara);
      else await h.resolve(hours(1), ana);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a lead opens the dashboard and follows a number to the tickets behind it", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server);
    await page.getByRole("link", { name: "Escalation metrics" }).click();
    await page.getByRole("heading", { level: 1, name: "Escalation metrics" }).waitFor();

    const rate = page.getByRole("link", { name: /Escalation rate/ });
    await expect.poll(() => rate.textContent()).toContain("50%");
    expect(await rate.textContent()).toContain("2 of 4 tickets");
    expect(await page.getByRole("link", { name: /First-contact resolution/ }).textContent()).toContain("100%");
    // The weekly review lists the most escalated category with its example tickets.
    expect(await page.locator("#weekly-review + ol").textContent()).toMatch(/exports · 2 escalated/);

    await rate.click();
    await page.getByRole("heading", { level: 1, name: "Escalated tickets" }).waitFor();
    expect(page.url()).toContain("/console/metrics/tickets?");
    await page.getByRole("link", { name: "Export button greyed out" }).waitFor();
    const subjects = await page.locator("td.ticket-table__subject a").allTextContents();
    expect(subjects).toEqual(["Export button greyed out", "CSV export times out"]);

    // Back to the dashboard, then from an agent's row: Ana resolved the two billing tickets.
    await page.getByRole("link", { name: "← Escalation metrics" }).click();
    const resolvedByAna = page.locator("tr", { hasText: "Ana" }).getByRole("link").nth(1);
    await expect.poll(() => resolvedByAna.textContent()).toBe("2");
    await resolvedByAna.click();
    await page.getByRole("heading", { level: 1, name: "Tickets the agent resolved" }).waitFor();
    await page.getByRole("link", { name: "Refund for March" }).waitFor();
    expect(await page.locator("td.ticket-table__subject a").allTextContents()).toEqual(["Refund for March", "Invoice address wrong"]);

    await page.getByRole("link", { name: "Refund for March" }).click();
    await page.getByRole("heading", { level: 1, name: "Refund for March" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });
});
