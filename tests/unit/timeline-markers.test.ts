import { describe, expect, it } from "vitest";
import { currentIndex, markersOf } from "../../console/src/replay/timeline-markers.js";
import type { TicketDetail } from "../../shared/index.js";

const ticket = {
  openedAt: 5_000,
  context: {
    clicks: [
      { t: 2_000, selector: "a", tag: "a", text: "Reports", x: 0, y: 0 },
      { t: 7_000, selector: "button#x", tag: "button", x: 0, y: 0, rage: true },
      { t: 8_000, selector: "span", tag: "span", x: 0, y: 0, dead: true },
    ],
    navigation: [{ t: 1_000, url: "https://app.example/reports", kind: "pushState" }],
    console: [
      { t: 6_000, level: "error", kind: "console", message: "boom" },
      { t: 6_500, level: "warn", kind: "console", message: "just a warning" },
    ],
    network: [{ t: 6_200, method: "POST", url: "https://api.example/x", status: 0, durationMs: 3 }],
    metadata: {},
  },
} as unknown as TicketDetail;

describe("replay timeline markers", () => {
  it("puts every captured event and the widget opening in time order, leaving out warnings", () => {
    expect(markersOf(ticket).map((m) => [m.t, m.kind])).toEqual([
      [1_000, "navigation"],
      [2_000, "click"],
      [5_000, "widget"],
      [6_000, "error"],
      [6_200, "request"],
      [7_000, "rage"],
      [8_000, "dead"],
    ]);
    expect(markersOf(ticket).find((m) => m.kind === "request")?.label).toBe("POST no response");
  });

  it("highlights the last event at or before the playhead", () => {
    const markers = markersOf(ticket);
    expect(currentIndex(markers, null)).toBe(-1);
    expect(currentIndex(markers, 500)).toBe(-1);
    expect(markers[currentIndex(markers, 6_100)]!.kind).toBe("error");
    expect(markers[currentIndex(markers, 7_000)]!.kind).toBe("rage");
    expect(markers[currentIndex(markers, 99_000)]!.kind).toBe("dead");
  });
});
