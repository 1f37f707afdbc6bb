import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { ESCALATION_PATHS } from "../../shared/index.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { fileTicket, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// Only the receiving side may send a handoff back (the API answers 403 to anyone else): the tier-1 agent who wrote
// the handoff is not offered "Send back…" to themselves, a button that could only fail.
describe.skipIf(!HAS_BROWSER)("console: who is offered Send back", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("the agent who escalated sees their handoff without Send back…", async () => {
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await createAgent(db, { workspaceId, email: "tara@example.com", name: "Tara Tier1", skills: ["technical"] });
    await createAgent(db, { workspaceId, email: "sol@example.com", name: "Sol Tier2", tier: 2, skills: ["technical"] });
    const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
    const origin = new URL(server.url).origin;
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify({ email: "tara@example.com", password: AGENT_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await fetch(`${server.url}${ESCALATION_PATHS.escalations(ticket.id)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin, Cookie: cookie },
      body: JSON.stringify({
        summary: "Export fails with a 500 for Northwind",
        attempted: [{ action: "Retried in another browser", result: "Same 500" }],
        reason: "Server error in the export service",
        customerGoal: "Export the report before the board meeting",
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);

    const { page, errors, close } = await newPage(browser);
    await page.goto(`${server.url}/console/tickets/${ticket.id}`);
    await page.getByLabel("Email").fill("tara@example.com");
    await page.getByLabel("Password").fill(AGENT_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    const card = page.locator("section.handoff").first();
    await card.getByText("Export fails with a 500 for Northwind").waitFor();
    // The card and the buttons under it render together: once "Escalate…" shows, "Send back…" would have too.
    await page.getByRole("button", { name: /^Escalate…/ }).waitFor();
    expect(await page.getByRole("button", { name: "Send back…" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
