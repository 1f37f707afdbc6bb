import { describe, expect, it } from "vitest";
import { EventScanner } from "../../server/services/recordings/event-scanner.js";
import { packEvents } from "../../shared/recording-pack.js";

const tricky = [
  { type: 4, timestamp: 1, data: { href: 'https://x.example/?q="]},[{' } },
  { type: 2, timestamp: 2, data: { node: { id: 1, text: 'back\\slash \\" quote ] } [ {', childNodes: [[], {}] } } },
  { type: 3, timestamp: 3, data: { events: [1, 2], "ünï©ødé": "✓" } },
];

function scan(text: string, pieces: number[]) {
  const items: unknown[] = [];
  const scanner = new EventScanner((json) => items.push(JSON.parse(json)));
  let at = 0;
  for (const size of pieces) {
    scanner.push(text.slice(at, at + size));
    at += size;
  }
  scanner.push(text.slice(at));
  scanner.end();
  return { items, scanner };
}

describe("streaming a recording's events", () => {
  it("splits a plain array into its events however the text is chunked", () => {
    const text = JSON.stringify(tricky, null, 1);
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      expect(scan(text, Array(Math.ceil(text.length / size)).fill(size)).items).toEqual(tricky);
    }
  });

  it("reads a packed recording's header and events one by one", () => {
    const text = JSON.stringify({ ...packEvents(tricky), extra: { ignored: ["]"] } });
    for (const size of [1, 5, text.length]) {
      const { items, scanner } = scan(text, Array(Math.ceil(text.length / size)).fill(size));
      expect(scanner.layout).toBe("packed");
      expect(JSON.parse(scanner.header!).format).toBe("handoff-packed-1");
      expect(items[0]).toBe(-1);
      expect(items).toHaveLength(tricky.length + 1);
    }
  });

  it("refuses an event with too many fields before parsing it, and text that is not a recording", () => {
    const scanner = new EventScanner(() => {});
    expect(() => scanner.push(`[${"[".repeat(2_000_000)}`)).toThrow(/too many fields/);
    expect(() => new EventScanner(() => {}).push("nope")).toThrow(/not valid JSON/);
    expect(() => new EventScanner(() => {}).end()).toThrow(/ends too early/);
  });
});
