import { describe, expect, it } from "vitest";
import { EventScanner } from "../../server/services/recordings/event-scanner.js";
import { PackedEventsReader } from "../../server/services/recordings/packed-events.js";
import { createPackedEventReader, packEvents, type PackedEventStamp } from "../../shared/recording-pack.js";

const events = [
  { type: 4, timestamp: 1_700_000_000_000, data: { href: 'https://x.example/?q="]},[{', width: 1280 } },
  {
    type: 2,
    timestamp: 1_700_000_000_005,
    data: { node: { id: 1, text: 'back\\slash \\" \u00e9 \u2713 \n', childNodes: [] } },
  },
  {
    type: 3,
    timestamp: 1_700_000_000_107.5,
    data: { positions: [{ x: 1, y: -2.5e3, id: -0 }], flags: [null, true, false] },
  },
  { timestamp: 1_700_000_001_000, type: 3, data: { source: 5, nested: [[-1, 2], [0, 1], 3.5, "s"] } },
];

/** Whatever happens to a packed recording's text, read in pieces of `size` characters: the stamps or the error. */
function read(text: string, size = text.length) {
  const stamps: (PackedEventStamp | null)[] = [];
  try {
    const scanner = new EventScanner(
      () => {
        throw new Error("a packed recording has no plain items");
      },
      (header) =>
        new PackedEventsReader(
          () => JSON.parse(header).shapes,
          (stamp) => stamps.push(stamp),
        ),
    );
    for (let at = 0; at < text.length; at += size) scanner.push(text.slice(at, at + size));
    scanner.end();
    return { stamps };
  } catch (error) {
    const e = error as { code?: string; message: string; issues?: unknown };
    return { error: `${e.code} ${e.message} ${JSON.stringify(e.issues ?? "")}` };
  }
}

/** What parsing each item and createPackedEventReader give (the reader's reference). */
function reference(text: string) {
  const packed = JSON.parse(text) as { shapes: string[][]; events: unknown[] };
  const stampOf = createPackedEventReader(packed.shapes);
  return packed.events.slice(1).map((item) => stampOf(item));
}

describe("reading a packed recording's events in one pass", () => {
  it("gives each event's type and timestamp as unpacking would, however the text is chunked", () => {
    const text = JSON.stringify({ ...packEvents(events), extra: { ignored: ["]"] } }, null, 1);
    for (const size of [1, 2, 3, 7, 64, text.length]) expect(read(text, size)).toEqual({ stamps: reference(text) });
    expect(reference(text).map((s) => s?.timestamp)).toEqual(events.map((e) => e.timestamp));
  });

  it("refuses what JSON.parse refuses", () => {
    const text = JSON.stringify(packEvents(events));
    const at = text.indexOf('"events":[') + 10;
    const broken = [
      ["01", "1"],
      ["-", "1"],
      ["1.", "1"],
      ["1e", "1"],
      ["tru", "true"],
      ['"\u0001"', '"x"'],
      ['"\\x"', '"x"'],
      ['"\\u12G4"', '"x"'],
      ["[1,]", "[1]"],
      ["[1}", "[1]"],
      ["{1:2}", '{"a":2}'],
    ];
    for (const [bad] of broken) {
      const body = `${text.slice(0, at)}-1,[0,1,2,${bad}]${text.slice(text.indexOf(",", at))}`;
      expect(read(body).error, bad).toMatch(/^bad_request The recording is not valid JSON/);
    }
  });

  it("reports the packed layout's first error, as the item-by-item reader did", () => {
    const { shapes } = packEvents(events);
    const body = (items: string) =>
      `{"format":"handoff-packed-1","shapes":${JSON.stringify(shapes)},"events":[${items}]}`;
    const malformed = (message: string) =>
      `validation_failed The packed recording is malformed ${JSON.stringify([{ path: "events", message }])}`;
    expect(read(body("[-1]")).error).toBe(malformed("events must be an array"));
    expect(read(body("-1,[99,1,2,3]")).error).toBe(malformed("unknown shape or wrong field count"));
    expect(read(body("-1,[0,1,2]")).error).toBe(malformed("unknown shape or wrong field count"));
    // The outer array's field count is checked before what it holds, as a walk from the top would.
    expect(read(body('-1,[0,1,2,{"a":1},5]')).error).toBe(malformed("unknown shape or wrong field count"));
    expect(read(body('-1,[0,1,2,[-1,{"a":1}]]')).error).toBe(malformed("unexpected object"));
    // An event that is not an object is left to the caller (no type, no timestamp).
    expect(read(body('-1,"x",[-1]'))).toEqual({ stamps: [null, null] });
  });
});
