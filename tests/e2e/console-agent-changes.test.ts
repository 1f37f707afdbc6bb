import type { Browser } from "playwright-core";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { agents, tickets } from "../../server/db/schema.js";
import { createAgent } from "../helpers/agents.js";
import { ticketBody } from "../helpers/test-app.js";
import { fileTicket, logIn, newPage } from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

// A lead deactivates someone who left: the console says what happens to their tickets before it happens, and the
// tickets no longer wait on (or can be handed to) someone who cannot log in.
describe.skipIf(!HAS_BROWSER)("console: an admin changes an agent who has work", () => {
  let server: TestServer;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  test("shows their open tickets, asks first, and the ticket goes to another agent; they are no longer offered", async () => {
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    await db.update(agents).set({ available: false }).where(eq(agents.workspaceId, workspaceId));
    const lee = await createAgent(db, { workspaceId, email: "lee@example.com", name: "Lee Left", skills: ["billing"] });
    await createAgent(db, { workspaceId, email: "kim@example.com", name: "Kim Stays", skills: ["billing"] });
    const ticket = await fileTicket(
      server,
      ticketBody({ subject: "Invoice PDF blank", recording: { included: false } }),
    );
    await db.update(tickets).set({ assigneeId: lee.id, queue: "billing" }).where(eq(tickets.id, ticket.id));

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const row = page.locator("#agents tbody tr", { hasText: "lee@example.com" });
    await row.waitFor();
    expect(await row.locator("td").nth(5).textContent()).toBe("1");

    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await row.getByRole("button", { name: "Deactivate Lee Left" }).click();
    expect(asked).toEqual([expect.stringContaining("Their 1 open ticket goes back to routing")]);
    // Dismissed: nothing changed.
    await row.getByRole("button", { name: "Deactivate Lee Left" }).waitFor();

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Deactivate Lee Left" }).click();
    await page.getByRole("status").filter({ hasText: "Lee Left is deactivated" }).waitFor();
    await row.getByRole("button", { name: "Reactivate Lee Left" }).waitFor();
    expect(await row.locator("td").nth(5).textContent()).toBe("0");

    await page.goto(`${server.url}/console/tickets/${ticket.id}`);
    await page.getByRole("heading", { level: 1, name: "Invoice PDF blank" }).waitFor();
    const picker = page.getByLabel("Assignee");
    await expect.poll(async () => picker.locator("option:checked").textContent()).toContain("Kim Stays");
    expect(await picker.locator("option", { hasText: "Lee Left" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test("an admin moves an existing agent up a tier and onto another queue (only a new agent could be given them)", async () => {
    const { db } = server.database;
    const workspaceId = server.bootstrap.workspace.id;
    const ria = await createAgent(db, {
      workspaceId,
      email: "ria@example.com",
      name: "Ria Grows",
      skills: ["billing"],
    });
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, "/console/admin");
    const row = page.locator("#agents tbody tr", { hasText: "ria@example.com" });
    await row.getByRole("button", { name: "Edit Ria Grows" }).click();
    const form = page.getByRole("form", { name: "Edit Ria Grows" });
    expect(await form.getByLabel("Ria Grows's skills").inputValue()).toBe("billing");
    await form.getByLabel("Ria Grows's tier").selectOption("2");
    await form.getByLabel("Ria Grows's skills").fill("billing, account");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Ria Grows: agent, tier 2, skills billing, account" }).waitFor();
    await form.waitFor({ state: "detached" });
    expect(await row.locator("td").nth(3).textContent()).toBe("2");
    expect(await row.locator("td").nth(4).textContent()).toBe("billing, account");
    const [saved] = await db.select().from(agents).where(eq(agents.id, ria.id));
    expect([saved!.tier, saved!.skills]).toEqual([2, ["billing", "account"]]);
    expect(errors).toEqual([]);
    await close();
  });
});
