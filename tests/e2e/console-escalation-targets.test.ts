import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { tickets } from "../../server/db/schema.js";
import { fileTicket, logIn, newPage, richTicket } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

describe.skipIf(!HAS_BROWSER)(
  "console: the escalation form says where a handoff cannot land, before it is written",
  () => {
    let server: TestServer;
    let browser: Browser;
    useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

    test("the form says at once that tier 3 can only hand over to another queue, before the agent writes the note", async () => {
      const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
      await server.database.db.update(tickets).set({ tier: 3, queue: "technical" }).where(eq(tickets.id, ticket.id));
      const agent = await newPage(browser);
      await logIn(agent.page, server, `/console/tickets/${ticket.id}`);
      await agent.page.getByRole("button", { name: "Escalate…" }).click();
      const form = agent.page.getByRole("form", { name: `Escalate ${ticket.reference}` });
      const note = form.getByRole("note").filter({ hasText: "top tier" });
      await note.waitFor();
      expect(await note.textContent()).toBe(
        "Tier 3 is the top tier: choose the queue that takes it over (it is in technical).",
      );
      await form.getByLabel("To queue").selectOption("billing");
      await expect.poll(() => note.count()).toBe(0);
      expect(agent.errors).toEqual([]);
      await agent.close();
    });

    test("nobody at the chosen tier has the queue's skill: the form says the ticket would wait unassigned", async () => {
      // The only agent is the bootstrap admin, at tier 3 with every shipped queue: tier 2 billing has nobody.
      const ticket = await fileTicket(server, richTicket(Date.now() - 60_000));
      await server.database.db.update(tickets).set({ tier: 1, queue: "billing" }).where(eq(tickets.id, ticket.id));
      const agent = await newPage(browser);
      await logIn(agent.page, server, `/console/tickets/${ticket.id}`);
      await agent.page.getByRole("button", { name: "Escalate…" }).click();
      const form = agent.page.getByRole("form", { name: `Escalate ${ticket.reference}` });
      expect(await form.getByLabel("To tier").inputValue()).toBe("2");
      const note = form.getByRole("note").filter({ hasText: "Nobody at tier" });
      await note.waitFor();
      expect(await note.textContent()).toBe(
        "Nobody at tier 2 has the billing skill: the ticket will wait unassigned in billing until someone takes it.",
      );
      await form.getByLabel("To tier").selectOption("3");
      await expect.poll(() => note.count()).toBe(0);
      expect(agent.errors).toEqual([]);
      await agent.close();
    });
  },
);
