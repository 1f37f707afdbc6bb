import type { Browser, Route } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import {
  agentCookie,
  EXPORT_HANDOFF,
  fileTicket,
  focused,
  logIn,
  newPage,
  postAsAgent,
  recordingEvents,
  richTicket,
} from "./console-fixtures.js";
import { HAS_BROWSER, type TestServer, useServerAndBrowser } from "./harness.js";

const TARA = { email: "tara.day13@example.com", password: AGENT_PASSWORD };
const SOL = { email: "sol.day13@example.com", password: AGENT_PASSWORD };

// The agent a ticket is escalated to (thirteenth QA round): what they noticed, each case a fix.
describe.skipIf(!HAS_BROWSER)("console: the agent a ticket is escalated to (13)", () => {
  let server: TestServer;
  let browser: Browser;
  let tara: string;
  let sol: string;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));
  beforeAll(async () => {
    const workspaceId = server.bootstrap.workspace.id;
    const skills = ["technical", "general", "account", "billing", "triage"];
    await createAgent(server.database.db, { workspaceId, email: TARA.email, name: "Tara Tier1", tier: 1, skills });
    await createAgent(server.database.db, { workspaceId, email: SOL.email, name: "Sol Tier2", tier: 2, skills });
    [tara, sol] = await Promise.all([agentCookie(server, TARA), agentCookie(server, SOL)]);
  });

  /** A ticket filed (with the recording, or without), escalated by Tara with one replay moment at 00:20. */
  async function escalatedTicket(subject: string, withRecording: boolean) {
    const sentAt = Date.now() - 60_000;
    const body = richTicket(sentAt, { subject, recording: { included: withRecording } });
    const ticket = await fileTicket(server, body, withRecording ? recordingEvents(sentAt) : undefined);
    const moments = [{ atMs: 20_000, note: "Export clicked, nothing happens" }];
    const path = `/api/v1/tickets/${ticket.id}/escalations`;
    const escalated = await postAsAgent(server, tara, path, { ...EXPORT_HANDOFF, replayMoments: moments });
    expect(escalated.status).toBe(201);
    return { ...ticket, escalationId: ((await escalated.json()) as { id: string }).id };
  }

  test("a replay moment pressed while the recording still loads takes the player there once loaded, and says so", async () => {
    const ticket = await escalatedTicket("Moment before the replay", true);
    const { page, errors, close } = await newPage(browser);
    // A big recording on a slow line: its download is held until the moment has been pressed.
    const held: Route[] = [];
    await page.route(`**/api/v1/tickets/${ticket.id}/recording`, (route) => void held.push(route));
    await logIn(page, server, `/console/tickets/${ticket.id}`, SOL);
    const moment = page.getByRole("button", { name: "00:20 Export clicked, nothing happens" });
    await moment.waitFor();
    await expect.poll(() => held.length).toBe(1);
    await moment.click();
    const announcer = page.getByTestId("announcer");
    await expect.poll(() => announcer.textContent()).toBe("The replay goes to 00:20 once it has loaded");
    await held[0]!.continue();
    await page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();
    // Before: the press was dropped without a word, and the replay opened at 00:00.
    await expect.poll(() => page.locator(".rr-timeline__time").first().textContent()).toBe("00:20");

    // Pressed again once it is there: a screen reader hears where the replay went (the player is out of view).
    await page.locator(".rr-timeline__time").first().scrollIntoViewIfNeeded();
    await moment.click();
    await expect.poll(() => announcer.textContent()).toBe("Replay at 00:20: Export clicked, nothing happens");
    expect(errors).toEqual([]);
    await close();
  });

  test("on a ticket without a recording, the handoff's replay moments are text that says there is nothing to play", async () => {
    const ticket = await escalatedTicket("Moment without a replay", false);
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, SOL);
    const card = page.getByRole("region", { name: "Handoff: tier 1 technical → tier 2 technical" });
    await card.getByText("Export clicked, nothing happens").waitFor();
    await page.locator('[data-replay-state="none"]').waitFor();
    // Before: "▶ 00:20 Export clicked, nothing happens" was a button in the tab order that did nothing at all.
    expect(await card.getByRole("button", { name: /Export clicked/ }).count()).toBe(0);
    expect(await card.textContent()).toContain("There is no recording on this ticket to play these moments in.");
    expect(errors).toEqual([]);
    await close();
  });

  test("a ticket escalated twice says how it went back and forth, not only that it 'keeps changing hands'", async () => {
    const ticket = await escalatedTicket("Back and forth", true);
    const path = `/api/v1/tickets/${ticket.id}/escalations`;
    const bounce = await postAsAgent(server, sol, `${path}/${ticket.escalationId}/bounce`, {
      reason: "Which report? I need its id",
    });
    expect(bounce.status).toBe(200);
    const again = { ...EXPORT_HANDOFF, summary: "Export 500 on report r_77" };
    expect((await postAsAgent(server, tara, path, again)).status).toBe(201);

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, SOL);
    const notice = page.getByRole("note").filter({ hasText: "Ping-pong:" });
    await notice.waitFor();
    // Before: "this ticket keeps changing hands. Settle it here or involve a lead." and nothing on how or why.
    await expect.poll(() => notice.textContent()).toContain("Handed over 2 times, sent back once:");
    expect(await notice.getByRole("listitem").allTextContents()).toEqual([
      "Tara Tier1 (tier 1) → Sol Tier2 (tier 2): Export fails with a 500 for Northwind — sent back by Sol Tier2: “Which report? I need its id”",
      "Tara Tier1 (tier 1) → Sol Tier2 (tier 2): Export 500 on report r_77",
    ]);
    expect(errors).toEqual([]);
    await close();
  });

  test("keys only: Ctrl+Enter sends a send-back and a handoff note, as it sends a reply", async () => {
    const ticket = await escalatedTicket("Keys only loop", false);
    const receiver = await newPage(browser);
    await logIn(receiver.page, server, `/console/tickets/${ticket.id}`, SOL);
    const sendBack = receiver.page.getByRole("button", { name: "Send back…" });
    await sendBack.focus();
    await receiver.page.keyboard.press("Enter");
    await expect.poll(() => focused(receiver.page)).toBe("textarea:What is missing?");
    await receiver.page.keyboard.type("Which report? I need its id");
    // Before: nothing happened; only tabbing to "Send back to Tara Tier1" sent it.
    await receiver.page.keyboard.press("Control+Enter");
    await receiver.page.getByText("Sent back by Sol Tier2").waitFor();
    expect(receiver.errors).toEqual([]);
    await receiver.close();

    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, TARA);
    await page.getByRole("heading", { level: 1, name: "Keys only loop" }).waitFor();
    await page.locator(".handoff").getByText("Sent back by Sol Tier2").waitFor();
    await page.keyboard.press("e");
    await page.getByRole("form", { name: `Escalate ${ticket.reference}` }).waitFor();
    await page.getByLabel("Summary (one sentence)").focus();
    await page.keyboard.press("End");
    await page.keyboard.type(", report r_77");
    await page.keyboard.press("Control+Enter");
    await page
      .locator(".handoff__summary", { hasText: "Export fails with a 500 for Northwind, report r_77" })
      .waitFor();
    await expect
      .poll(() => page.getByTestId("announcer").textContent())
      .toBe("Escalated. The handoff note is on the ticket.");
    expect(errors).toEqual([]);
    await close();
  });

  test("e pressed before the ticket's handoffs have loaded still opens the form on the note that was sent back", async () => {
    const ticket = await escalatedTicket("Quick e after a send-back", false);
    const path = `/api/v1/tickets/${ticket.id}/escalations`;
    const bounce = await postAsAgent(server, sol, `${path}/${ticket.escalationId}/bounce`, {
      reason: "Which account?",
    });
    expect(bounce.status).toBe(200);
    const { page, errors, close } = await newPage(browser);
    // The handoffs (read with the similar tickets) are slow to come: held until e has been pressed.
    const held: Route[] = [];
    await page.route(`**${path}`, (route) =>
      route.request().method() === "GET" ? void held.push(route) : route.continue(),
    );
    await logIn(page, server, `/console/tickets/${ticket.id}`, TARA);
    await page.getByRole("heading", { level: 1, name: "Quick e after a send-back" }).waitFor();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.keyboard.press("e");
    await page.unroute(`**${path}`);
    // The first read may have been dropped by the page for a newer one (already handled).
    for (const route of held) await route.continue().catch(() => {});
    const form = page.getByRole("form", { name: `Escalate ${ticket.reference}` });
    await form.waitFor();
    // Before: the form opened at once, drafted from the context (no goal, no step) as if nothing had been sent back.
    await form.getByText("Sent back by Sol Tier2: “Which account?”").waitFor();
    expect(await form.getByLabel("What the customer wants to achieve").inputValue()).toBe(EXPORT_HANDOFF.customerGoal);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("esc-tier");
    expect(errors).toEqual([]);
    await close();
  });

  test("a phone's recording is drawn large enough to read, its screen's edge visible in the player", async () => {
    const sentAt = Date.now() - 60_000;
    const events = recordingEvents(sentAt) as { type: number; data: { width?: number; height?: number } }[];
    Object.assign(events[0]!.data, { width: 390, height: 844 });
    const body = richTicket(sentAt, { subject: "From my phone", recording: { included: true } });
    const ticket = await fileTicket(server, body, events);
    const { page, errors, close } = await newPage(browser);
    await logIn(page, server, `/console/tickets/${ticket.id}`, SOL);
    await page.frameLocator(".replay__player iframe").getByText("Northwind reports").waitFor();
    const drawn = await page.evaluate(() => {
      const frame = document.querySelector(".replay__player iframe") as HTMLElement;
      const room = document.querySelector(".replay__player .rr-player__frame") as HTMLElement;
      return {
        width: frame.getBoundingClientRect().width,
        frame: getComputedStyle(frame).backgroundColor,
        room: getComputedStyle(room).backgroundColor,
      };
    });
    // Before: 259 px wide (two thirds of the phone's 390), white on white in a 760 px player.
    expect(drawn.width).toBeGreaterThan(330);
    expect(drawn.room).not.toBe(drawn.frame);
    expect(errors).toEqual([]);
    await close();
  });

  test("in the dark theme the replay's speed buttons can be read", async () => {
    const sentAt = Date.now() - 60_000;
    const body = richTicket(sentAt, { subject: "Dark replay", recording: { included: true } });
    const ticket = await fileTicket(server, body, recordingEvents(sentAt));
    const { page, errors, close } = await newPage(browser, { colorScheme: "dark" });
    await logIn(page, server, `/console/tickets/${ticket.id}`, SOL);
    const speed = page.getByRole("button", { name: "Speed 4x" });
    await speed.waitFor();
    const colours = await speed.evaluate((button) => ({
      text: getComputedStyle(button).color,
      under: getComputedStyle(button.closest(".rr-controller") as Element).backgroundColor,
    }));
    // Before: the browser's dark-scheme button text, white on the player's white controller.
    expect(colours.under).toBe("rgb(255, 255, 255)");
    expect(colours.text).not.toBe("rgb(255, 255, 255)");
    expect(errors).toEqual([]);
    await close();
  });
});
