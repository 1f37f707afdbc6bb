import { describe, expect, test } from "vitest";
import {
  createPackedEventReader,
  packEvents,
  PackedRecordingError,
  unpackEvents,
} from "../../shared/recording-pack.js";

/** A recording-like sequence: a snapshot tree, then mutations whose ids and timestamps climb. */
function recording(n: number) {
  const events: unknown[] = [
    { type: 4, data: { href: "https://app.example/x?y=1", width: 1280, height: 720 }, timestamp: 1_700_000_000_000 },
    {
      type: 2,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            { type: 2, tagName: "p", attributes: JSON.parse('{"data-x":"","__proto__":"odd"}'), childNodes: [], id: 2 },
          ],
        },
      },
      timestamp: 1_700_000_000_010,
    },
  ];
  for (let i = 0; i < n; i++) {
    events.push({
      type: 3,
      data: {
        source: 0,
        texts: [],
        attributes: [{ id: 2, attributes: { style: { color: ["red", "important"] } } }],
        removes: [],
        adds: [{ parentId: 2, nextId: null, node: { type: 3, textContent: `${(i * 3.7).toFixed(2)}`, id: 100 + i } }],
      },
      timestamp: 1_700_000_000_100 + i * 100,
    });
    events.push({
      type: 3,
      data: { source: 1, positions: [{ x: 10 + i, y: -5.5, id: -1, timeOffset: -40 }] },
      timestamp: 1_700_000_000_150 + i * 100,
    });
  }
  events.push({
    type: 3,
    data: { source: 5, text: "***", isChecked: false, id: 7, nested: [[-1, 2], [0, 1], 3.5, -0, null, true, "s"] },
    timestamp: 1_700_000_009_999,
  });
  return events;
}

describe("packed recording layout", () => {
  test("round-trips to exactly the same events (ids, floats, negative numbers, nested arrays, odd keys)", () => {
    const events = JSON.parse(JSON.stringify(recording(50)));
    const wire = JSON.parse(JSON.stringify(packEvents(events)));
    expect(JSON.stringify(unpackEvents(wire))).toBe(JSON.stringify(events));
  });

  test("the packed JSON is smaller than the plain JSON: keys are stored once and climbing ids become small steps", () => {
    const events = recording(500);
    expect(JSON.stringify(packEvents(events)).length).toBeLessThan(JSON.stringify(events).length * 0.6);
  });

  test("refuses what packEvents cannot produce", () => {
    const ok = packEvents(recording(1));
    expect(() => unpackEvents({ ...ok, events: [-1, [42, 1]] })).toThrow(PackedRecordingError);
    expect(() => unpackEvents({ ...ok, events: [-1, [0]] })).toThrow(/field count/);
    expect(() => unpackEvents({ ...ok, shapes: [[1 as unknown as string]] })).toThrow(/field names/);
    expect(() => unpackEvents({ ...ok, events: { a: 1 } })).toThrow(PackedRecordingError);
    expect(() => unpackEvents({ ...ok, events: 5 })).toThrow(/array/);
  });

  test("reading packed events for their type and timestamp gives what unpacking them gives", () => {
    const events = recording(50) as { type: number; timestamp: number }[];
    const wire = JSON.parse(JSON.stringify(packEvents(events)));
    const read = createPackedEventReader(wire.shapes);
    const stamps = (wire.events as unknown[]).slice(1).map((item) => read(item));
    expect(stamps).toEqual(events.map((e) => ({ type: e.type, timestamp: e.timestamp })));
  });

  test("the reader refuses what unpacking refuses, and reads a non-object as null", () => {
    const ok = packEvents(recording(1));
    expect(() => createPackedEventReader([[1]])).toThrow(/field names/);
    const read = createPackedEventReader(ok.shapes);
    expect(() => read([42, 1])).toThrow(PackedRecordingError);
    expect(() => read([0])).toThrow(/field count/);
    expect(() => read([-1, { a: 1 }])).toThrow(/unexpected object/);
    expect(read(5)).toBeNull();
  });
});
