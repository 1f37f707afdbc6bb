import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { HAS_BROWSER, launchBrowser, startTestServer, type TestServer } from "./harness.js";
import { logIn, newPage } from "./console-fixtures.js";
import { addAgent, addTicket, hours, timeline } from "../helpers/escalation-history.js";
import { addDays, dateIn, mondayOf, startOfDate } from "../../shared/time-zone.js";

const NEW_YORK = "America/New_York";
const BERLIN = "Europe/Berlin";

/**
 * A number and the tickets it links to are counted in the same days, whoever opens the link and whatever the clock
 * did that week: the drill-down names the zone, and the anomaly's 7 days are the zone's days (Berlin's 23-hour
 * March 30th 2025 among them).
 */
describe.skipIf(!HAS_BROWSER)("console: metrics links read in the days they were counted in", () => {
  let server: TestServer;
  let browser: Browser;
  let lateSunday: Date;
  let earlyMonday: Date;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const db = server.database.db;
    const ws = server.bootstrap.workspace.id;
    const [ana, cara] = [await addAgent(db, ws, "Ana"), await addAgent(db, ws, "Cara", 2)];
    const escalated = async (createdAt: Date, queue: string, subject: string, after = hours(0.1)) => {
      const ticket = await addTicket(db, { workspaceId: ws, createdAt, queue, subject });
      const h = timeline(db, ws, ticket.id, createdAt);
      await h.assign(0, ana);
      await h.escalate(after, ana, cara);
    };
    // Three weeks ago, a Monday of New York: one ticket half an hour before it starts (Monday 03:30 or 04:30 UTC),
    // one an hour after.
    const monday = addDays(mondayOf(dateIn(NEW_YORK, Date.now())), -21);
    lateSunday = new Date(startOfDate(NEW_YORK, monday).getTime() - hours(0.5));
    earlyMonday = new Date(startOfDate(NEW_YORK, monday).getTime() + hours(1));
    await escalated(lateSunday, "night-shift", "Sunday 23:30 in New York");
    await escalated(earlyMonday, "night-shift", "Monday 01:00 in New York");
    // Berlin's week of March 25th-31st 2025 (March 30th has 23 hours): five sso escalations (one of a ticket filed the
    // day before), none in the 8 weeks before but one at 23:30 on the 24th, the hour a 7 x 24 h week reached into.
    for (const [i, at] of [
      "2025-03-25T08:00:00Z",
      "2025-03-27T08:00:00Z",
      "2025-03-30T08:00:00Z",
      "2025-03-31T20:00:00Z",
    ].entries())
      await escalated(new Date(at), "sso", `SSO spike ${i + 1}`);
    await escalated(new Date("2025-03-24T22:30:00Z"), "sso", "SSO before the week");
    await escalated(new Date("2025-03-24T20:00:00Z"), "sso", "SSO filed before, escalated in the week", hours(5));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const subjects = async (page: Page) => {
    await page.locator("td.ticket-table__subject a, p.empty").first().waitFor();
    return page.locator("td.ticket-table__subject a").allTextContents();
  };

  test("a week's drill-down opened without a zone in the dashboard's link lists that week of the lead's zone, wherever it is opened", async () => {
    const ny = await newPage(browser, { timezoneId: NEW_YORK });
    await logIn(ny.page, server, "/console/metrics?queue=night-shift");
    const week = dateIn(NEW_YORK, earlyMonday).slice(5);
    const bar = ny.page.getByRole("link", { name: `Week of ${week} 1/1 escalated` });
    await bar.click();
    await ny.page.getByRole("heading", { level: 1, name: "Escalated tickets" }).waitFor();
    expect(await subjects(ny.page)).toEqual(["Monday 01:00 in New York"]);
    const link = new URL(ny.page.url());
    expect(ny.errors).toEqual([]);
    await ny.close();

    // The same link, sent to a colleague in UTC: still New York's week, the one ticket the bar counted.
    const utc = await newPage(browser, { timezoneId: "UTC" });
    await logIn(utc.page, server, link.pathname + link.search);
    await utc.page.getByRole("heading", { level: 1, name: "Escalated tickets" }).waitFor();
    expect(await subjects(utc.page)).toEqual(["Monday 01:00 in New York"]);
    expect(link.searchParams.get("tz")).toBe(NEW_YORK);
    expect(utc.errors).toEqual([]);
    await utc.close();
  });

  test("the escalation spike links to exactly the 7 days it counted, in a week whose clocks changed", async () => {
    const { page, errors, close } = await newPage(browser, { timezoneId: BERLIN });
    await logIn(page, server, "/console/metrics?from=2025-01-01&to=2025-03-31&tz=Europe%2FBerlin");
    const spike = page.getByRole("alert").filter({ hasText: "Escalation spike in sso" });
    const count = spike.getByRole("link", { name: "5 tickets" });
    await count.click();
    await page.getByRole("heading", { level: 1, name: "Tickets first escalated in the period" }).waitFor();
    expect(await subjects(page)).toEqual([
      "SSO spike 4",
      "SSO spike 3",
      "SSO spike 2",
      "SSO spike 1",
      "SSO filed before, escalated in the week",
    ]);
    const link = new URL(page.url()).searchParams;
    expect([link.get("from"), link.get("to"), link.get("tz")]).toEqual(["2025-03-25", "2025-03-31", BERLIN]);
    expect(errors).toEqual([]);
    await close();
  });
});
