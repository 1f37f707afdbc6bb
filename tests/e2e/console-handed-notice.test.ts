import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { agents } from "../../server/db/schema.js";
import { ESCALATION_PATHS } from "../../shared/index.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { agentCookie, EXPORT_HANDOFF, fileTicket, newPage, postAsAgent, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Tier 2 works on something else when tier 1 escalates to them: the console tells them, wherever they are, and
// which ticket it is, instead of leaving them to notice a new row in the queue.
describe.skipIf(!HAS_BROWSER)("console: a ticket handed to me is announced", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("tier 1 escalates: tier 2, on another screen, sees who handed which ticket over and opens it from there", async () => {
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await db.update(agents).set({ available: false }).where(eq(agents.workspaceId, workspaceId));
    await createAgent(db, { workspaceId, email: "tara@example.com", name: "Tara Tier1", skills: ["technical"] });
    await createAgent(db, { workspaceId, email: "sol@example.com", name: "Sol Tier2", tier: 2, skills: ["technical"] });
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));

    const { page, errors, close } = await newPage(browser);
    await page.goto(`${server.url}/console/metrics`);
    await page.getByLabel("Email").fill("sol@example.com");
    await page.getByLabel("Password").fill(AGENT_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { level: 1, name: "Escalation metrics" }).waitFor();
    const handed = page.getByRole("list", { name: "Handed to you" });
    expect(await handed.count()).toBe(0);

    const cookie = await agentCookie(server, { email: "tara@example.com", password: AGENT_PASSWORD });
    const res = await postAsAgent(server, cookie, ESCALATION_PATHS.escalations(ticket.id), EXPORT_HANDOFF);
    expect(res.status).toBe(201);
    const text = `Tara Tier1 escalated ${ticket.reference} to you: Export to CSV does nothing`;
    await handed.getByRole("link", { name: text }).click();
    await page.getByRole("heading", { level: 1, name: "Export to CSV does nothing" }).waitFor();
    // Read: the notice goes once the ticket is open.
    await handed.waitFor({ state: "detached" });

    // Sent back, then escalated to Sol again while Sol has it open: what is read out is the escalation, not also the
    // assignment that comes with it ("Tara Tier1 assigned … to you").
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="announcer"]')!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => heard.push(region.textContent ?? "")).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.filter(Boolean));
    const sol = await agentCookie(server, { email: "sol@example.com", password: AGENT_PASSWORD });
    const first = (await res.json()) as { id: string };
    const bounce = await postAsAgent(server, sol, ESCALATION_PATHS.bounce(ticket.id, first.id), {
      reason: "Which account?",
    });
    expect(bounce.status).toBe(200);
    const again = await postAsAgent(server, cookie, ESCALATION_PATHS.escalations(ticket.id), EXPORT_HANDOFF);
    expect(again.status).toBe(201);
    await expect.poll(heard).toContain(text);
    // A later event of the same ticket is read out once the assignment's own notice would have been.
    const note = await postAsAgent(server, cookie, `/api/v1/tickets/${ticket.id}/messages`, {
      body: "Account acct_42",
      internal: true,
    });
    expect(note.status, await note.clone().text()).toBeLessThan(300);
    await page.getByText("Account acct_42", { exact: true }).waitFor();
    expect((await heard()).filter((said) => said.includes("assigned"))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
