import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { fileTicket, newPage, recordingEvents, richTicket } from "./console-fixtures.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { agents } from "../../server/db/schema.js";

/** The console's session cookie, to read back through the API what the UI saved. */
async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

describe.skipIf(!HAS_BROWSER)("console: escalating with a pre-filled handoff and following it as the receiver", () => {
  let server: TestServer;
  let browser: Browser;
  const sentAt = Date.now() - 60_000;
  let ticket: { id: string; reference: string };
  const pages: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    // The bootstrap admin stays out of routing: tier 1 and tier 2 each have one technical agent.
    await db.update(agents).set({ available: false }).where(eq(agents.workspaceId, workspaceId));
    await createAgent(db, {
      workspaceId,
      email: "tara@example.com",
      name: "Tara Tier1",
      tier: 1,
      skills: ["technical"],
    });
    await createAgent(db, { workspaceId, email: "sol@example.com", name: "Sol Tier2", tier: 2, skills: ["technical"] });
    // Its failed request goes to api.northwind.example: the matrix routes it to the technical queue, tier 1.
    ticket = await fileTicket(
      server,
      richTicket(sentAt, { recording: { included: true, durationMs: 30_000, eventCount: 4 } }),
      recordingEvents(sentAt),
    );
  });
  afterAll(async () => {
    for (const page of pages) await page.close();
    await browser?.close();
    await server?.close();
  });

  async function logInAs(email: string): Promise<{ page: Page; errors: string[] }> {
    const opened = await newPage(browser);
    pages.push(opened);
    await opened.page.goto(`${server.url}/console/`);
    await opened.page.getByLabel("Email").fill(email);
    await opened.page.getByLabel("Password").fill(AGENT_PASSWORD);
    await opened.page.getByRole("button", { name: "Log in" }).click();
    await opened.page.getByRole("heading", { level: 1, name: "Tickets" }).waitFor();
    return opened;
  }

  test("tier 1 escalates through the pre-filled form; tier 2 sees the handoff card first and its replay moment seeks the player", async () => {
    const { page, errors } = await logInAs("tara@example.com");
    await page.goto(`${server.url}/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    const triage = page.getByRole("region", { name: /^Triage/ });
    await expect
      .poll(() => triage.textContent())
      .toContain("A failed request to an API path goes to the technical queue");
    expect(await triage.textContent()).toContain("POST /v2/reports/export returned 500");

    await page.getByRole("button", { name: "Escalate…" }).click();
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    // Drafted from the captured context, not typed.
    expect(await form.getByLabel("Summary (one sentence)").inputValue()).toBe(
      "On /reports the customer clicked Export to CSV once; POST /v2/reports/export returned 500 once; console: TypeError: Cannot read properties of undefined (reading 'rows')",
    );
    expect(await form.getByLabel("To tier").inputValue()).toBe("2");
    // The workspace's queues (matrix destinations and agents' skills), not a hard-coded list.
    await expect
      .poll(() => form.getByLabel("To queue").locator("option").allTextContents())
      .toEqual(["account", "billing", "technical"]);
    const moment = form.getByRole("checkbox", { name: /00:20 POST \/v2\/reports\/export returned 500/ });
    expect(await moment.isChecked()).toBe(true);
    expect(await form.getByRole("checkbox").count()).toBe(3);

    // Submitting without a tried step or the customer's goal is refused field by field.
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await form.locator(".field__error", { hasText: "list at least one step you tried" }).waitFor();
    expect(await form.locator(".field--invalid").allTextContents()).toEqual([
      expect.stringContaining("What the customer wants to achieve"),
    ]);
    // The summary names the fields as the form does (not "attempted", "customerGoal"), and the keyboard is at the first.
    const refusal = form.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.locator("li").allTextContents()).toEqual([
      "What you already tried: list at least one step you tried",
      "What the customer wants to achieve: required",
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("esc-action-0");

    await form.getByLabel("Step 1: action").fill("Asked Jamie to retry in another browser");
    await form.getByLabel("Step 1: result").fill("Same 500 from the export endpoint");
    await form.getByLabel("What the customer wants to achieve").fill("Export the report before the board meeting");
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByRole("heading", { name: "Handoff: tier 1 technical → tier 2 technical" }).waitFor();
    await expect.poll(() => page.locator(".ticket-header").textContent()).toContain("Escalated");
    expect(errors).toEqual([]);

    const receiver = await logInAs("sol@example.com");
    await receiver.page.goto(`${server.url}/console/tickets/${ticket.id}`);
    const card = receiver.page.getByRole("region", { name: "Handoff: tier 1 technical → tier 2 technical" });
    await card.waitFor();
    // The handoff is the first thing in the ticket's main column.
    expect(
      await receiver.page.locator(".ticket-layout__main > section").first().getAttribute("aria-labelledby"),
    ).toMatch(/^handoff-/);
    expect(await card.textContent()).toContain("From Tara Tier1 to Sol Tier2");
    expect(await card.textContent()).toContain("Asked Jamie to retry in another browser");
    await receiver.page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();
    expect(await receiver.page.locator(".rr-timeline__time").first().textContent()).toBe("00:00");
    await card.getByRole("button", { name: /POST \/v2\/reports\/export returned 500/ }).click();
    await expect.poll(() => receiver.page.locator(".rr-timeline__time").first().textContent()).toBe("00:20");

    // Sending it back needs to say what is missing; the refusal names the field as the form does.
    await card.getByRole("button", { name: "Send back…" }).click();
    await card.getByRole("button", { name: "Send back to Tara Tier1" }).click();
    await card.getByRole("alert").waitFor();
    expect(await card.getByRole("alert").locator("li").allTextContents()).toEqual(["What is missing?: required"]);
    await card.getByRole("button", { name: "Cancel" }).click();

    // Once tier 2 has done its part, it sends the ticket back down to Tara with a reason.
    await receiver.page.getByRole("button", { name: "Move down a tier…" }).click();
    const down = receiver.page.getByRole("form", { name: `Move ${ticket.reference} down a tier` });
    await down.getByRole("button", { name: "Move to tier 1" }).click();
    await down.locator(".field__error", { hasText: "required" }).waitFor();
    await down.getByLabel("Why it can go back").fill("Export fix deployed; please confirm with Jamie");
    await down.getByRole("button", { name: "Move to tier 1" }).click();
    await expect
      .poll(() => receiver.page.locator(".ticket-header").textContent())
      .toContain("Tier 1 · technical · Tara Tier1");
    await expect
      .poll(() => receiver.page.getByRole("region", { name: /^Activity/ }).textContent())
      .toContain("Sol Tier2 moved it down from tier 2 to tier 1: Export fix deployed; please confirm with Jamie");
    expect(receiver.errors).toEqual([]);
  });

  test("an admin edits the matrix through a form: rules in words, add, reorder, delete, per-field errors; thresholds too", async () => {
    const admin = await newPage(browser);
    pages.push(admin);
    await admin.page.goto(`${server.url}/console/`);
    await admin.page.getByLabel("Email").fill(server.admin.email);
    await admin.page.getByLabel("Password").fill(server.admin.password);
    await admin.page.getByRole("button", { name: "Log in" }).click();
    await admin.page.getByRole("link", { name: "Escalation matrix" }).click();
    const page = admin.page;
    const security = page.getByRole("listitem", { name: "Security incident goes to tier 3 as critical" });
    expect(await security.textContent()).toContain(
      'When subject or description mentions "breach", "breached", "leaked"',
    );
    expect(await security.textContent()).toContain(
      "Then severity critical, at least tier 3, priority 3, handoff must include replayMoments",
    );

    await page.getByRole("button", { name: "Add a rule" }).click();
    const form = page.getByRole("form", { name: "New rule" });
    await form.getByLabel("Rule name").fill("Mobile goes to mobile");
    await form.getByRole("button", { name: "Add rule" }).click();
    await form.getByText("give at least one condition").waitFor();
    await form.getByLabel("Subject or description mentions any of").fill("iphone, android app");
    await form.getByLabel("Send to queue").fill("Mobile!");
    await form.getByRole("button", { name: "Add rule" }).click();
    await form.getByText("lowercase letters, digits, - or _ (e.g. technical)").waitFor();
    await form.getByLabel("Send to queue").fill("mobile");
    await form.getByRole("button", { name: "Add rule" }).click();
    const added = page.getByRole("listitem", { name: "Mobile goes to mobile" });
    expect(await added.textContent()).toContain(
      'When subject or description mentions "iphone", "android app"Then queue mobile',
    );
    await page.getByRole("button", { name: "Move Mobile goes to mobile up" }).click();
    await page
      .getByRole("listitem", { name: "Questions and feature requests are low" })
      .getByRole("button", { name: "Delete" })
      .click();
    await page.getByRole("status").getByText("Unsaved changes.").waitFor();
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("Version 2 by Admin").waitFor();

    const saved = await (
      await fetch(`${server.url}/api/v1/matrix`, { headers: { Cookie: await cookieOf(page) } })
    ).json();
    const ids = saved.rules.map((r: { id: string }) => r.id);
    expect(ids.slice(-3)).toEqual(["account", "mobile-goes-to-mobile", "customer-waiting"]);
    expect(ids).not.toContain("question");
    expect(saved.rules.find((r: { id: string }) => r.id === "mobile-goes-to-mobile")).toMatchObject({
      when: { keywordsAny: ["iphone", "android app"] },
      then: { queue: "mobile" },
    });

    // JSON stays available as the advanced option, validated the same way.
    await page.getByText("Advanced: edit as JSON").click();
    const rules = page.getByLabel("Rules (JSON)");
    await rules.fill(JSON.stringify([{ id: "Bad id", name: "x", when: {}, then: { queue: "billing" } }]));
    await page.getByRole("button", { name: "Save JSON as a new version" }).click();
    await page.getByRole("alert").getByText("rules.0.when").waitFor();

    const minutes = page.getByLabel(
      "Suggest escalating a tier-1 ticket after this many minutes without agent activity",
    );
    expect(await minutes.inputValue()).toBe("45");
    await minutes.fill("0");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    await page.locator(".field--invalid", { hasText: "without agent activity" }).waitFor();
    await minutes.fill("30");
    await page.getByRole("button", { name: "Save thresholds" }).click();
    await page.getByText("Thresholds saved.").waitFor();
    const thresholds = await (
      await fetch(`${server.url}/api/v1/matrix/settings`, { headers: { Cookie: await cookieOf(page) } })
    ).json();
    expect(thresholds).toMatchObject({ tier1MinutesWithoutProgress: 30, customerRepliesBeforeSuggest: 3 });
    expect(admin.errors).toEqual([]);
  });
});
