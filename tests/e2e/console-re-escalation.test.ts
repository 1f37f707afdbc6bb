import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { agents } from "../../server/db/schema.js";
import { ESCALATION_PATHS } from "../../shared/index.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import {
  agentCookie,
  EXPORT_HANDOFF,
  fileTicket,
  logIn,
  newPage,
  postAsAgent,
  richTicket,
} from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Tier 2 sent the handoff back ("which account?"): the second handoff should be the first one completed, not a new
// note that has lost what was tried, with the question in view while it is written.
describe.skipIf(!HAS_BROWSER)("console: escalating again after a send-back", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  async function as(email: string, path: string, body: unknown) {
    const res = await postAsAgent(server, await agentCookie(server, { email, password: AGENT_PASSWORD }), path, body);
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as { id: string };
  }

  test("the form starts from the returned note, shows what was asked, and the new handoff lists every step", async () => {
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await db.update(agents).set({ available: false }).where(eq(agents.workspaceId, workspaceId));
    await createAgent(db, { workspaceId, email: "tara@example.com", name: "Tara Tier1", skills: ["technical"] });
    await createAgent(db, { workspaceId, email: "sol@example.com", name: "Sol Tier2", tier: 2, skills: ["technical"] });
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const first = await as("tara@example.com", ESCALATION_PATHS.escalations(ticket.id), EXPORT_HANDOFF);
    await as("sol@example.com", ESCALATION_PATHS.bounce(ticket.id, first.id), {
      reason: "Which account id? I need it to find the export job",
    });

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, { email: "tara@example.com", password: AGENT_PASSWORD });
    await page.getByText("Sent back by Sol Tier2 ").first().waitFor();
    await page.getByRole("button", { name: "Escalate…" }).click();
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    await form.getByText("Sent back by Sol Tier2: “Which account id? I need it to find the export job”").waitFor();
    expect(await form.getByLabel("Summary (one sentence)").inputValue()).toBe("Export fails with a 500 for Northwind");
    expect(await form.getByLabel("Step 1: action").inputValue()).toBe("Retried in another browser");
    expect(await form.getByLabel("What the customer wants to achieve").inputValue()).toBe(
      "Export the report before the board meeting",
    );
    await form.getByLabel("Step 2: action").fill("Looked up the account id");
    await form.getByLabel("Step 2: result").fill("acct_42, export job exp_991");
    await form.getByRole("button", { name: "Escalate", exact: true }).click();
    const card = page.locator("section.handoff").first();
    await card.getByText("acct_42, export job exp_991").waitFor();
    expect(await card.locator(".handoff__attempts li").allTextContents()).toEqual([
      "Retried in another browser — Same 500",
      "Looked up the account id — acct_42, export job exp_991",
    ]);
    expect(errors).toEqual([]);
    await close();
  });
});
