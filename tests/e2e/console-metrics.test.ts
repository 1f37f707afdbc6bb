import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { logIn, newPage } from "./console-fixtures.js";
import { addAgent, addTicket, hours, setStatus, timeline } from "../helpers/escalation-history.js";
import { agents } from "../../server/db/schema.js";

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
    // The weekly chart says which bar is which: the pale one is every ticket of the week, not escalations.
    expect(await page.locator(".chart-figure figcaption").textContent()).toMatch(
      /escalated\s+all tickets created that week/,
    );

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
    expect(await page.locator("td.ticket-table__subject a").allTextContents()).toEqual([
      "Refund for March",
      "Invoice address wrong",
    ]);

    await page.getByRole("link", { name: "Refund for March" }).click();
    await page.getByRole("heading", { level: 1, name: "Refund for March" }).waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("the agent who received a handoff answers whether it had what they needed, once, and the dashboard counts it", async () => {
    const db = server.database.db;
    const ws = server.bootstrap.workspace.id;
    const [admin] = await db.select({ id: agents.id }).from(agents).where(eq(agents.email, "admin@example.com"));
    const ben = await addAgent(db, ws, "Ben");
    const createdAt = new Date(Date.now() - 2 * hours(24));
    const ticket = await addTicket(db, { workspaceId: ws, createdAt, queue: "sso", subject: "SAML login loops" });
    const h = timeline(db, ws, ticket.id, createdAt);
    await h.assign(0, ben);
    await h.escalate(hours(1), ben, admin!.id);
    await h.resolve(hours(3), admin!.id);
    await setStatus(db, ticket.id, "resolved");

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "SAML login loops" }).waitFor();
    const question = page.getByRole("region", { name: "Did the handoff have what you needed?" });
    await question.waitFor();
    await question.getByRole("button", { name: "No, something was missing" }).click();
    await question.getByLabel("What was missing? (optional)").fill("No IdP metadata, no SAML trace");
    await question.getByRole("button", { name: "Send answer" }).click();
    await page.getByRole("status").filter({ hasText: "your answer about the handoff is recorded" }).waitFor();

    // Asked once: after a reload the question is gone.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "SAML login loops" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Description" }).waitFor();
    expect(await question.count()).toBe(0);

    await page.goto(`${server.url}/console/metrics`);
    const handoffs = page
      .locator("dt", { hasText: "Handoffs that had what the agent needed" })
      .locator("xpath=following-sibling::dd[1]");
    await expect.poll(() => handoffs.textContent()).toBe("0 of 1 (0%)");
    expect(errors).toEqual([]);
    await close();
  });

  test("a lead picks a day and sees the tickets of that day in their own time zone; their link reads it there too", async () => {
    const db = server.database.db;
    const ws = server.bootstrap.workspace.id;
    const [ana] = await db.select({ id: agents.id }).from(agents).where(eq(agents.name, "Ana"));
    const [cara] = await db.select({ id: agents.id }).from(agents).where(eq(agents.name, "Cara"));
    // 23:30 UTC on April 8th is 01:30 on April 9th in Johannesburg (UTC+2).
    const createdAt = new Date("2024-04-08T23:30:00Z");
    const ticket = await addTicket(db, { workspaceId: ws, createdAt, queue: "billing", subject: "Late-night invoice" });
    const h = timeline(db, ws, ticket.id, createdAt);
    await h.assign(0, ana!.id);
    await h.escalate(hours(0.1), ana!.id, cara!.id);

    const pickDay = async (timezoneId: string, day: string) => {
      const { page, errors, close } = await newPage(browser, { timezoneId });
      const requests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/v1/metrics/escalations")) requests.push(r.url());
      });
      await logIn(page, server, "/console/metrics");
      const filters = page.getByRole("form", { name: "Metrics filters" });
      await filters.getByLabel("From").fill(day);
      await filters.getByLabel("To").fill(day);
      await filters.getByRole("button", { name: "Apply" }).click();
      await page.getByText(`Tickets created ${day} – ${day}`).waitFor();
      const rate = await page.getByRole("link", { name: /Escalation rate/ }).textContent();
      expect(errors).toEqual([]);
      const link = page.url();
      await close();
      return { rate, zone: new URL(requests.at(-1)!).searchParams.get("tz"), link };
    };
    const local = await pickDay("Africa/Johannesburg", "2024-04-09");
    expect(local.zone).toBe("Africa/Johannesburg");
    expect(local.rate).toContain("1 of 1 tickets");
    expect((await pickDay("Africa/Johannesburg", "2024-04-08")).rate).not.toContain("1 of 1 tickets");
    const utc = await pickDay("UTC", "2024-04-08");
    expect(utc.zone).toBe("UTC");
    expect(utc.rate).toContain("1 of 1 tickets");

    // The Johannesburg lead's link, opened in UTC: the same day of Johannesburg, and the header says whose days.
    expect(new URL(local.link).searchParams.get("tz")).toBe("Africa/Johannesburg");
    const { page, errors, close } = await newPage(browser, { timezoneId: "UTC" });
    await logIn(page, server, new URL(local.link).pathname + new URL(local.link).search);
    await page.getByText("Tickets created 2024-04-09 – 2024-04-09 (days in Africa/Johannesburg)").waitFor();
    await expect
      .poll(() => page.getByRole("link", { name: /Escalation rate/ }).textContent())
      .toContain("1 of 1 tickets");
    // Its own days stay unmarked: the UTC lead's link names UTC, and says nothing more to a UTC viewer.
    expect(new URL(utc.link).searchParams.get("tz")).toBe("UTC");
    await page.goto(utc.link);
    await page.getByText("Tickets created 2024-04-08 – 2024-04-08").waitFor();
    expect(await page.getByText("days in").count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("a lead narrows the dashboard with the category and agent pickers", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/metrics");
    const rate = page.getByRole("link", { name: /Escalation rate/ });
    await rate.waitFor();
    const filters = page.getByRole("form", { name: "Metrics filters" });
    // The pickers list what the data has: the categories of the workspace's tickets and its agents.
    await expect
      .poll(() => filters.locator("select[name=queue]").locator("option").allTextContents())
      .toEqual(["any", "billing", "exports", "sso"]);
    await filters.locator("select[name=queue]").selectOption("billing");
    await filters.locator("select[name=agent]").selectOption({ label: "Ana" });
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => page.url()).toMatch(/queue=billing.*agent=/);
    await expect.poll(() => rate.textContent()).toContain("0 of 2 tickets");
    await rate.click();
    await page.getByRole("heading", { level: 1, name: "Escalated tickets" }).waitFor();
    await page.getByText("No tickets.").waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  test("a period that ends before it starts is refused in the filters' words, without a retry that cannot help", async () => {
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/metrics?from=2025-03-10&to=2025-03-01");
    const refusal = page.getByRole("alert").filter({ hasText: "Couldn't load the metrics" });
    await refusal.waitFor();
    expect(await refusal.locator("li").allTextContents()).toEqual(["To: must be after from"]);
    expect(await refusal.getByRole("button", { name: "Try again" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
