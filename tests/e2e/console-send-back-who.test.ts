import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
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
    const tara = { email: "tara@example.com", password: AGENT_PASSWORD };
    const cookie = await agentCookie(server, tara);
    const res = await postAsAgent(server, cookie, ESCALATION_PATHS.escalations(ticket.id), EXPORT_HANDOFF);
    expect(res.status, await res.clone().text()).toBe(201);

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, tara);
    const card = page.locator("section.handoff").first();
    await card.getByText("Export fails with a 500 for Northwind").waitFor();
    // The card and the buttons under it render together: once "Escalate…" shows, "Send back…" would have too.
    await page.getByRole("button", { name: /^Escalate…/ }).waitFor();
    expect(await page.getByRole("button", { name: "Send back…" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
