import { describe, expect, it } from "vitest";
import { resolvePeriod } from "../../shared/metrics.js";
import { dateIn, isTimeZone, startOfDate, weeksIn } from "../../shared/time-zone.js";

describe("calendar days of a time zone", () => {
  it("finds each day's midnight, across daylight-saving changes", () => {
    expect(startOfDate("UTC", "2025-03-09").toISOString()).toBe("2025-03-09T00:00:00.000Z");
    // New York springs forward at 02:00 on March 9th: that day starts in EST, the next in EDT.
    expect(startOfDate("America/New_York", "2025-03-09").toISOString()).toBe("2025-03-09T05:00:00.000Z");
    expect(startOfDate("America/New_York", "2025-03-10").toISOString()).toBe("2025-03-10T04:00:00.000Z");
    expect(startOfDate("Asia/Kolkata", "2025-03-10").toISOString()).toBe("2025-03-09T18:30:00.000Z");
    expect(dateIn("Africa/Johannesburg", new Date("2025-04-08T23:30:00Z"))).toBe("2025-04-09");
    expect(dateIn("America/New_York", new Date("2025-04-09T03:30:00Z"))).toBe("2025-04-08");
  });

  it("reads date-only periods as the zone's days, and UTC without one", () => {
    const day = { from: "2025-04-09", to: "2025-04-09" };
    expect(resolvePeriod(day)).toEqual({
      from: new Date("2025-04-09T00:00:00Z"),
      to: new Date("2025-04-10T00:00:00Z"),
    });
    expect(resolvePeriod({ ...day, tz: "America/New_York" })).toEqual({
      from: new Date("2025-04-09T04:00:00Z"),
      to: new Date("2025-04-10T04:00:00Z"),
    });
    // The default period ends with the viewer's today.
    const now = Date.parse("2025-04-09T02:00:00Z"); // still April 8th in New York
    expect(resolvePeriod({ tz: "America/New_York" }, now).to).toEqual(new Date("2025-04-09T04:00:00Z"));
    expect(resolvePeriod({}, now).to).toEqual(new Date("2025-04-10T00:00:00Z"));
  });

  it("lists the zone's Monday-to-Monday weeks over a period", () => {
    const { weeks, end } = weeksIn(
      "Africa/Johannesburg",
      new Date("2025-04-09T00:00:00Z"),
      new Date("2025-04-15T00:00:00Z"),
    );
    expect(weeks.map((w) => [w.week, w.start.toISOString()])).toEqual([
      ["2025-04-07", "2025-04-06T22:00:00.000Z"],
      ["2025-04-14", "2025-04-13T22:00:00.000Z"],
    ]);
    expect(end.toISOString()).toBe("2025-04-20T22:00:00.000Z");
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
