import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { addAgent, addTicket, hours, timeline } from "../helpers/escalation-history.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const ZONE = "Africa/Johannesburg"; // UTC+2 all year
const LATE = new Date("2025-04-08T23:30:00Z"); // Tuesday 23:30 UTC = Wednesday 01:30 in Johannesburg
const SUNDAY_LATE = new Date("2025-04-13T23:30:00Z"); // Sunday in UTC, Monday (next week) in Johannesburg

/**
 * Metrics days are the viewer's days: the console sends its IANA zone, date-only periods and weekly buckets follow
 * it; without one they are UTC days. The weekly series reads whole UTC days from the rollups and a day a week of the
 * zone starts in ticket by ticket, so it must equal a count of the tickets.
 */
describe.each(DATABASE_KINDS)("metrics in the viewer's time zone on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  const created: { at: Date; escalated: boolean }[] = [];
  const get = async (query: string) => {
    const res = await t.request(`/api/v1/metrics/escalations?${query}`, { headers: { Cookie: cookie } });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    const ws = t.workspace.id;
    const [ana, cara] = [await addAgent(database.db, ws, "Ana", 1), await addAgent(database.db, ws, "Cara", 2)];
    const add = async (at: Date, escalated: boolean) => {
      const ticket = await addTicket(database.db, { workspaceId: ws, createdAt: at, queue: "billing" });
      const h = timeline(database.db, ws, ticket.id, at);
      await h.assign(0, ana);
      if (escalated) await h.escalate(hours(0.1), ana, cara);
      created.push({ at, escalated });
    };
    await add(LATE, true);
    await add(SUNDAY_LATE, true);
    // Three weeks of tickets every 5 h (every hour of the day gets some), one in three escalated.
    for (let i = 0; i < 100; i++) await add(new Date(Date.parse("2025-04-01T01:00:00Z") + i * hours(5)), i % 3 === 0);
  });
  afterAll(() => database?.close());

  it("counts a ticket escalated at 23:30 UTC on the next day for a UTC+2 viewer, on the same day in UTC", async () => {
    const utc = await get("from=2025-04-08&to=2025-04-08");
    const local = await get(`from=2025-04-09&to=2025-04-09&tz=${ZONE}`);
    const inDay = (from: string, to: string) =>
      created.filter((c) => c.at >= new Date(from) && c.at < new Date(to)).length;
    expect(utc.body.overall.tickets).toBe(inDay("2025-04-08T00:00:00Z", "2025-04-09T00:00:00Z"));
    expect(local.body.overall.tickets).toBe(inDay("2025-04-08T22:00:00Z", "2025-04-09T22:00:00Z"));
    expect(local.body.from).toBe("2025-04-08T22:00:00.000Z");
    expect(local.body.to).toBe("2025-04-09T22:00:00.000Z");
    // The late ticket itself: in UTC's 8th and the viewer's 9th, not in the viewer's 8th.
    const drill = async (query: string) => {
      const res = await t.request(`/api/v1/metrics/escalations/tickets?metric=escalated&${query}`, {
        headers: { Cookie: cookie },
      });
      return (await res.json()).tickets.map((x: { createdAt: string }) => x.createdAt);
    };
    expect(await drill("from=2025-04-08&to=2025-04-08")).toContain(LATE.toISOString());
    expect(await drill(`from=2025-04-09&to=2025-04-09&tz=${ZONE}`)).toContain(LATE.toISOString());
    expect(await drill(`from=2025-04-08&to=2025-04-08&tz=${ZONE}`)).not.toContain(LATE.toISOString());
  });

  it("names the zone it counted in, so a drill-down in it lists the tickets counted around midnight", async () => {
    const drill = async (query: string) => {
      const res = await t.request(`/api/v1/metrics/escalations/tickets?${query}`, { headers: { Cookie: cookie } });
      return (await res.json()).tickets.map((x: { createdAt: string }) => x.createdAt) as string[];
    };
    for (const zone of [undefined, ZONE]) {
      const period = `from=2025-04-09&to=2025-04-09${zone ? `&tz=${zone}` : ""}`;
      const figures = await get(period);
      expect(figures.body.tz).toBe(zone ?? "UTC");
      const insights = await (
        await t.request(`/api/v1/metrics/insights?${period}`, { headers: { Cookie: cookie } })
      ).json();
      expect(insights.tz).toBe(zone ?? "UTC");
      const named = `from=2025-04-09&to=2025-04-09&tz=${figures.body.tz}`;
      const escalated = await drill(`metric=escalated&${named}`);
      expect(escalated).toHaveLength(figures.body.overall.escalated);
      expect(await drill(`metric=tickets&${named}`)).toHaveLength(figures.body.overall.tickets);
      // LATE (23:30 UTC on the 8th) is the 9th's only in Johannesburg.
      expect(escalated.includes(LATE.toISOString())).toBe(zone === ZONE);
    }
  });

  it("buckets weeks by the viewer's Mondays, equal to a count of the tickets", async () => {
    const weeksOf = (offsetHours: number) => {
      const counts = new Map<string, { tickets: number; escalated: number }>();
      for (const c of created) {
        const local = new Date(c.at.getTime() + hours(offsetHours));
        const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * hours(24));
        const key = monday.toISOString().slice(0, 10);
        const entry = counts.get(key) ?? { tickets: 0, escalated: 0 };
        entry.tickets += 1;
        entry.escalated += Number(c.escalated);
        counts.set(key, entry);
      }
      return [...counts].sort().map(([week, n]) => ({ week, ...n }));
    };
    const period = "from=2025-03-31&to=2025-04-27";
    const utc = await get(period);
    const local = await get(`${period}&tz=${ZONE}`);
    const shape = (w: { week: string; tickets: number; escalated: number }[]) =>
      w.map(({ week, tickets, escalated }) => ({ week, tickets, escalated }));
    expect(shape(utc.body.weekly)).toEqual(weeksOf(0));
    expect(shape(local.body.weekly)).toEqual(weeksOf(2));
    expect(shape(local.body.weekly)).not.toEqual(shape(utc.body.weekly));
    const grouped = await get(`${period}&tz=${ZONE}&groupBy=week`);
    expect(
      grouped.body.groups.map((g: { key: string; metrics: { tickets: number } }) => [g.key, g.metrics.tickets]),
    ).toEqual(weeksOf(2).map((w) => [w.week, w.tickets]));
    // A week from the chart drills down to that week of the viewer's zone.
    const week = await get(`${period}&tz=${ZONE}&week=2025-04-14`);
    expect(week.body.overall.tickets).toBe(weeksOf(2).find((w) => w.week === "2025-04-14")!.tickets);
  });

  it("reads the insights' last 7 days as the viewer's days, equal to a count of the escalations", async () => {
    const review = async (query: string) => {
      const res = await t.request(`/api/v1/metrics/insights?${query}`, { headers: { Cookie: cookie } });
      return (await res.json()) as { to: string; weeklyReview: { category: string; escalated: number }[] };
    };
    const escalatedIn = (from: string, to: string) =>
      created.filter((c) => c.escalated && c.at >= new Date(from) && c.at < new Date(to)).length;
    // UTC's 7th to 13th, all 7 days (the rollup path counted the 7th in the week before).
    const utc = await review("to=2025-04-13");
    const local = await review(`to=2025-04-13&tz=${ZONE}`);
    expect(utc.to).toBe("2025-04-14T00:00:00.000Z");
    expect(utc.weeklyReview).toEqual([
      expect.objectContaining({
        category: "billing",
        escalated: escalatedIn("2025-04-07T00:00Z", "2025-04-14T00:00Z"),
      }),
    ]);
    // Johannesburg's 7th to 13th: SUNDAY_LATE (its Monday the 14th) is out, the 6th 22:00-24:00 UTC is in.
    expect(local.to).toBe("2025-04-13T22:00:00.000Z");
    expect(local.weeklyReview).toEqual([
      expect.objectContaining({
        category: "billing",
        escalated: escalatedIn("2025-04-06T22:00Z", "2025-04-13T22:00Z"),
      }),
    ]);
    expect(local.weeklyReview[0]!.escalated).not.toBe(utc.weeklyReview[0]!.escalated);
  });

  it("lists the tickets an anomaly counted: first escalated in the zone's 7 days, across New York's 25-hour November 2nd", async () => {
    const ws = t.workspace.id;
    const [ana, cara] = [await addAgent(database.db, ws, "Ana 2"), await addAgent(database.db, ws, "Cara 2", 2)];
    const escalated = async (at: string, after = hours(0.1)) => {
      const ticket = await addTicket(database.db, { workspaceId: ws, createdAt: new Date(at), queue: "dst" });
      const h = timeline(database.db, ws, ticket.id, new Date(at));
      await h.assign(0, ana);
      await h.escalate(after, ana, cara);
      return new Date(at).toISOString();
    };
    // New York's October 28th to November 3rd: 00:30 on the 28th (04:30 UTC, before 7 x 24 h before the end), three
    // more, and a ticket filed the evening before and escalated at 02:00 on the 28th; one escalated the evening before.
    const counted = [
      await escalated("2025-10-28T04:30:00Z"),
      await escalated("2025-10-30T12:00:00Z"),
      await escalated("2025-11-02T06:30:00Z"),
      await escalated("2025-11-04T04:30:00Z"),
      await escalated("2025-10-28T00:00:00Z", hours(6)),
    ];
    await escalated("2025-10-28T03:00:00Z");
    const query = `to=2025-11-03&tz=${encodeURIComponent("America/New_York")}`;
    const insights = await (
      await t.request(`/api/v1/metrics/insights?${query}`, { headers: { Cookie: cookie } })
    ).json();
    expect(insights.anomalies).toEqual([
      expect.objectContaining({ category: "dst", weekStart: "2025-10-28T04:00:00.000Z", escalations: 5 }),
    ]);
    const res = await t.request(
      `/api/v1/metrics/escalations/tickets?metric=first_escalated&queue=dst&from=2025-10-28&${query}`,
      { headers: { Cookie: cookie } },
    );
    const listed = (await res.json()).tickets.map((x: { createdAt: string }) => x.createdAt);
    expect([...listed].sort()).toEqual([...counted].sort());
  });

  it("refuses a zone that is not one", async () => {
    for (const query of ["from=2025-04-08", "from=2025-04-01&to=2025-04-08", ""]) {
      const bad = await get(`${query}&tz=Mars/Olympus_Mons`);
      expect(bad.status).toBe(422);
      expect(bad.body.error.issues).toEqual([{ path: "tz", message: "an IANA time zone, e.g. Europe/Berlin" }]);
    }
  });
});
