import { describe, expect, test, vi } from "vitest";
import { RollingBuffer } from "../../widget/recorder/buffer.js";

type E = { type: number; timestamp: number; data?: string };
const meta = (t: number): E => ({ type: 4, timestamp: t });
const full = (t: number): E => ({ type: 2, timestamp: t });
const inc = (t: number): E => ({ type: 3, timestamp: t });

/** A checkout every `every` ms and an incremental event every second, from 0 to `until`. */
function record(buffer: RollingBuffer<E>, until: number, every: number) {
  for (let t = 0; t <= until; t += 1000) {
    if (t % every === 0) {
      buffer.push(meta(t), 10);
      buffer.push(full(t), 100);
    } else buffer.push(inc(t), 10);
  }
}

// A segment starts at each Meta event (the buffer's own count is not shipped: the widget never reads it).
const segments = (buffer: RollingBuffer<E>) => buffer.events().filter((e) => e.type === 4).length;

describe("rolling recording buffer", () => {
  test("always starts with a Meta + full snapshot and covers at least the window", () => {
    const buffer = new RollingBuffer<E>({ windowMs: 60_000, maxBytes: 1e9 });
    record(buffer, 200_000, 30_000);
    const events = buffer.events();
    expect(events[0].type).toBe(4);
    expect(events[1].type).toBe(2);
    const last = events[events.length - 1].timestamp;
    expect(last - events[0].timestamp).toBeGreaterThanOrEqual(60_000);
    // and does not keep much more than window + one checkout interval
    expect(last - events[0].timestamp).toBeLessThanOrEqual(90_000);
  });

  test("keeps an old segment while the newer ones do not yet cover the window", () => {
    const buffer = new RollingBuffer<E>({ windowMs: 60_000, maxBytes: 1e9 });
    record(buffer, 70_000, 30_000); // checkouts at 0, 30 s, 60 s
    expect(buffer.events()[0].timestamp).toBe(0);
    expect(segments(buffer)).toBe(3);
  });

  test("events before the first Meta are dropped (not replayable)", () => {
    const buffer = new RollingBuffer<E>({ windowMs: 60_000, maxBytes: 1e9 });
    buffer.push(inc(1));
    buffer.push(meta(2));
    buffer.push(full(2));
    expect(buffer.events().map((e) => e.type)).toEqual([4, 2]);
  });

  test("the memory cap drops the oldest segments first but never the newest full snapshot", () => {
    let overflows = 0;
    const buffer = new RollingBuffer<E>({ windowMs: 60_000, maxBytes: 500, onOverflow: () => overflows++ });
    record(buffer, 50_000, 10_000);
    // the bytes record() gave each event: 100 for a full snapshot, 10 for the others
    expect(buffer.events().reduce((sum, e) => sum + (e.type === 2 ? 100 : 10), 0)).toBeLessThanOrEqual(500);
    expect(buffer.events()[0].type).toBe(4);
    expect(buffer.events()[buffer.events().length - 1].timestamp).toBe(50_000);
    // one huge segment alone: the recorder is asked for a fresh checkout, the segment itself stays
    buffer.push(meta(51_000), 10);
    buffer.push(full(51_000), 1000);
    expect(segments(buffer)).toBe(1);
    expect(overflows).toBeGreaterThan(0);
  });

  test("duration spans the first snapshot to the last event", () => {
    const buffer = new RollingBuffer<E>({ windowMs: 60_000, maxBytes: 1e9 });
    expect(buffer.durationMs()).toBe(0);
    record(buffer, 45_000, 30_000);
    expect(buffer.durationMs()).toBe(45_000);
  });
});

describe("size estimate for the memory cap", () => {
  test("every event's estimate is close to its JSON length: mutations, mouse moves, input", async () => {
    const { estimateBytes } = await import("../../widget/recorder/buffer.js");
    const events = [
      { type: 3, timestamp: 1_700_000_000_123, data: { source: 0, texts: [{ id: 812, value: "x".repeat(100) }] } },
      {
        type: 3,
        timestamp: 1_700_000_000_456,
        data: { source: 1, positions: [{ x: 412, y: 230, id: 96, timeOffset: -48 }] },
      },
      { type: 3, timestamp: 1_700_000_000_789, data: { source: 5, text: "••••••", isChecked: false, id: 1204 } },
    ];
    for (const event of events) {
      const ratio = estimateBytes(event) / JSON.stringify(event).length;
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.3);
    }
  });

  test("a snapshot's estimate is at most 15% over its JSON length, without serialising it", async () => {
    const { estimateBytes } = await import("../../widget/recorder/buffer.js");
    const row = (i: number) => ({
      type: 2,
      tagName: "tr",
      attributes: { class: "row", "data-id": String(i), hidden: true },
      childNodes: [
        { type: 3, textContent: `Ana "Silva" ${i}\n`, id: i * 3 + 1 },
        { type: 2, tagName: "td", attributes: {}, childNodes: [], id: i * 3 + 2, isSVG: false },
      ],
      id: i * 3,
    });
    const snapshot = {
      type: 2,
      timestamp: 1_700_000_000_000,
      data: { node: { type: 0, childNodes: Array.from({ length: 500 }, (_, i) => row(i)), id: 1 }, initialOffset: {} },
    };
    const real = JSON.stringify(snapshot).length;
    const stringify = vi.spyOn(JSON, "stringify");
    const estimate = estimateBytes(snapshot);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect(estimate / real).toBeGreaterThanOrEqual(1);
    expect(estimate / real).toBeLessThan(1.15);
  });
});
