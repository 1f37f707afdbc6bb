import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { agents, tickets } from "../../server/db/schema.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { addAgent } from "../helpers/escalation-history.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { agentGet } from "./widget-fixtures.js";

/**
 * A lead assigns a billing ticket at tier 2: the agents routing would pick come first, the others are marked with
 * what they lack and need a confirmation (an override, allowed), which the timeline records.
 */
describe.skipIf(!HAS_BROWSER)("console: assigning past routing's skills and tiers", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the picker marks agents without the queue's skill or tier and asks before assigning one", async () => {
    const db = server.database.db;
    const ws = server.bootstrap.workspace.id;
    const kim = await addAgent(db, ws, "Kim", 1);
    const bea = await addAgent(db, ws, "Bea", 2);
    await db
      .update(agents)
      .set({ skills: ["billing"] })
      .where(eq(agents.id, bea));
    const ticket = await fileTicket(server, richTicket(Date.now(), { recording: { included: false } }));
    await db.update(tickets).set({ queue: "billing", tier: 2, assigneeId: null }).where(eq(tickets.id, ticket.id));

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`);
    const picker = page.getByRole("combobox", { name: "Assignee" });
    await picker.locator("option", { hasText: "Kim" }).waitFor({ state: "attached" });
    const groups = await picker
      .locator("optgroup")
      .evaluateAll((els) =>
        els.map((g) => [g.getAttribute("label"), [...g.querySelectorAll("option")].map((o) => o.textContent)]),
      );
    expect(groups[0]![0]).toBe("billing skill, tier 2 or above");
    expect((groups[0]![1] as string[]).toSorted()).toEqual(["Admin (tier 3)", "Bea (tier 2)"]);
    expect(groups[1]![0]).toBe("Others (routing would not pick them)");
    expect(groups[1]![1]).toContain("Kim (tier 1) — no billing skill, tier 1 (ticket tier 2)");

    // Cancelled: nothing changes.
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await picker.selectOption(kim);
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain("Assign to Kim anyway? no billing skill, tier 1 (ticket tier 2)");
    await expect.poll(() => picker.inputValue()).toBe("");
    expect((await agentGet<{ assigneeId: string | null }>(server, `/api/v1/tickets/${ticket.id}`)).assigneeId).toBe(
      null,
    );

    // Confirmed: assigned, and the activity says it overrode routing.
    page.once("dialog", (dialog) => void dialog.accept());
    await picker.selectOption(kim);
    await page
      .locator(".activity__item", { hasText: "assigned it to Kim, overriding routing (no billing skill, tier 1" })
      .waitFor();
    expect((await agentGet<{ assigneeId: string | null }>(server, `/api/v1/tickets/${ticket.id}`)).assigneeId).toBe(
      kim,
    );

    // An agent who fits is assigned without a question.
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await picker.selectOption(bea);
    await page.locator(".activity__item", { hasText: "assigned it to Bea" }).waitFor();
    expect(questions).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  test("Claim (a) on a ticket routing would not give you asks first; cancelled, it stays put; claimed, focus stays on the header", async () => {
    const db = server.database.db;
    const workspaceId = server.bootstrap.workspace.id;
    const tara = await createAgent(db, { workspaceId, email: "tara@example.com", name: "Tara", skills: ["technical"] });
    const sol = await createAgent(db, {
      workspaceId,
      email: "sol@example.com",
      name: "Sol",
      tier: 2,
      skills: ["billing"],
    });
    const ticket = await fileTicket(server, richTicket(Date.now(), { recording: { included: false } }));
    await db.update(tickets).set({ queue: "billing", tier: 2, assigneeId: sol.id }).where(eq(tickets.id, ticket.id));

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, { email: tara.email, password: AGENT_PASSWORD });
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    await page.getByRole("combobox", { name: "Assignee" }).locator("option", { hasText: "Sol" }).waitFor({
      state: "attached",
    });
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.keyboard.press("a");
    await expect
      .poll(() => questions)
      .toEqual([
        `Take ${ticket.reference} from Sol anyway? no billing skill, tier 1 (ticket tier 2): routing would not pick you. The override is recorded on the ticket.`,
      ]);
    await expect.poll(() => page.getByTestId("announcer").textContent()).toBe("Not assigned");
    const assignee = async () =>
      (await agentGet<{ assigneeId: string | null }>(server, `/api/v1/tickets/${ticket.id}`)).assigneeId;
    expect(await assignee()).toBe(sol.id);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Claim" }).click();
    await expect.poll(assignee).toBe(tara.id);
    // Claim is gone now: focus is on the assignee picker that shows the new assignee, not lost to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("ticket-assignee");
    expect(errors).toEqual([]);
    await close();
  });
});
