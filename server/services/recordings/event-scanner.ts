import { ServiceError } from "../service-error.js";

/** What one event (one item of the top-level events array) may cost to parse: hostile JSON cannot multiply it. */
export const EVENT_LIMITS = {
  /** Characters of one event's JSON; a full snapshot of a large page is a few MB. */
  chars: 16 * 1024 * 1024,
  /** Structural tokens ([ { , :) of one event: bounds the objects JSON.parse builds from it. */
  tokens: 1_000_000,
  /** The packed header ({"format", "shapes"}) before its events. */
  headerChars: 1024 * 1024,
};

export type Layout = "plain" | "packed";

/** Reads a packed `events` array's items from `from`: the index just after its "]", or -1 when the text ran out. */
export interface PackedEventsSink {
  push(text: string, from: number): number;
}

/**
 * Splits a recording's JSON text, fed in chunks, into the items of its events array without parsing the whole: a plain
 * upload is `[e1, e2, …]`, a packed one `{"format":…,"shapes":[…],"events":[-1, e1, e2, …]}`. Each item is handed
 * over as text, so at most one event is held at a time.
 */
export class EventScanner {
  layout: Layout | undefined;
  /** The packed header as JSON text ({"format", "shapes", "events": null}) once the events array opens. */
  header: string | undefined;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which the events array's items sit (1 plain, 2 packed); 0 until the array opens. */
  private itemDepth = 0;
  private done = false;
  /** After a packed events array: the rest of the object, skipped. */
  private tail = false;
  private tailChars = 0;
  private item: string[] = [];
  private itemChars = 0;
  private itemTokens = 0;
  private headerParts: string[] = [];
  private headerChars = 0;
  /** The last string closed at depth 1 of a packed object: the key whose value comes next. */
  private lastKey = "";
  private keyStart = -1;
  private keyParts: string[] = [];

  /** The packed events array's reader while it is open. */
  private events: PackedEventsSink | undefined;

  /**
   * `onItem` gets each item of a plain array; `openPacked` (when given) takes a packed recording's events array, from
   * its header (JSON text) on: its items are then read by the sink, not handed to `onItem`.
   */
  constructor(
    private readonly onItem: (json: string) => void,
    private readonly openPacked?: (header: string) => PackedEventsSink,
  ) {}

  push(text: string): void {
    let from = 0;
    let start = 0;
    if (this.events) {
      start = this.afterEvents(this.events.push(text, 0));
      if (start < 0) return;
      from = start;
    }
    // The next backslash of this chunk, -1 when there is none left: looked up again only once passed, so a chunk
    // without one (most) is not searched to its end for each of its thousands of strings.
    let slash = text.indexOf("\\");
    for (let i = start; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 0x5c) this.escaped = true;
        else if (ch !== 0x22) {
          // Jump to the next quote or backslash: long strings (inline styles, text) are most of a recording.
          const quote = text.indexOf('"', i);
          if (slash >= 0 && slash < i) slash = text.indexOf("\\", i);
          const next = quote < 0 ? slash : slash < 0 ? quote : Math.min(quote, slash);
          i = (next < 0 ? text.length : next) - 1;
        } else if (ch === 0x22) {
          this.inString = false;
          if (this.keyStart >= 0) {
            this.keyParts.push(text.slice(this.keyStart, i));
            this.lastKey = this.keyParts.join("");
            this.keyStart = -1;
            this.keyParts = [];
          }
        }
        continue;
      }
      if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) continue;
      if (this.done) throw malformed("unexpected text after the events");
      if (this.depth === 0) {
        if (this.layout) throw malformed("unexpected text after the recording");
        if (ch === 0x5b) {
          this.layout = "plain";
          this.itemDepth = 1;
          this.depth = 1;
          from = i + 1;
          continue;
        }
        if (ch === 0x7b) this.layout = "packed";
        else throw new ServiceError("bad_request", "The recording is not valid JSON");
      }
      if (this.itemDepth === 0) {
        // Still in the packed header: remember keys at depth 1 until "events" opens its array.
        if (ch === 0x22 && this.depth === 1) {
          this.inString = true;
          this.keyStart = i + 1;
          continue;
        }
        if (ch === 0x22) this.inString = true;
        if (ch === 0x5b && this.depth === 1 && this.lastKey === "events") {
          this.addHeader(text.slice(from, i));
          this.header = `${this.headerParts.join("")}null}`;
          this.headerParts = [];
          this.itemDepth = 2;
          this.depth = 2;
          from = i + 1;
          if (this.openPacked) {
            this.events = this.openPacked(this.header);
            const end = this.afterEvents(this.events.push(text, i + 1));
            if (end < 0) return;
            from = end;
            i = end - 1;
          }
          continue;
        }
        if (ch === 0x5b || ch === 0x7b) this.depth++;
        else if (ch === 0x5d || ch === 0x7d) this.depth--;
        if (this.depth === 0) throw malformed("a packed recording must have an events array");
        continue;
      }
      if (ch === 0x22) {
        this.inString = true;
        continue;
      }
      if (this.tail) {
        if (++this.tailChars > EVENT_LIMITS.headerChars) throw malformed("unexpected text after the events");
        if (ch === 0x5b || ch === 0x7b) this.depth++;
        else if (ch === 0x5d || ch === 0x7d) this.depth--;
        if (this.depth === 0) this.done = true;
        continue;
      }
      if (ch === 0x5b || ch === 0x7b) {
        this.depth++;
        this.countToken();
      } else if (ch === 0x3a) this.countToken();
      else if (ch === 0x2c) {
        if (this.depth === this.itemDepth) {
          this.addItem(text.slice(from, i));
          this.flushItem();
          from = i + 1;
        } else this.countToken();
      } else if (ch === 0x5d || ch === 0x7d) {
        this.depth--;
        if (this.depth < this.itemDepth) {
          this.addItem(text.slice(from, i));
          this.flushItem();
          from = i + 1;
          // A packed object goes on after its events array: the rest of it is skipped, up to its closing brace.
          if (this.depth === 0) this.done = true;
          else this.tail = true;
        }
      }
    }
    if (this.itemDepth === 0 && this.layout === "packed") {
      this.addHeader(text.slice(from));
      if (this.keyStart >= 0) this.keyParts.push(text.slice(this.keyStart));
      this.keyStart = this.inString && this.keyStart >= 0 ? 0 : -1;
    } else if (this.itemDepth > 0 && !this.done && !this.tail) this.addItem(text.slice(from));
  }

  /** Where the scan goes on once the packed events array closed at `end` (-1: still open). */
  private afterEvents(end: number): number {
    if (end < 0) return -1;
    this.events = undefined;
    this.depth = 1;
    this.tail = true;
    return end;
  }

  /** The text ended: the events array must have been closed. */
  end(): void {
    if (!this.done) throw new ServiceError("bad_request", "The recording is not valid JSON (it ends too early)");
  }

  private countToken() {
    if (++this.itemTokens > EVENT_LIMITS.tokens) {
      throw new ServiceError("payload_too_large", "One event of the recording has too many fields");
    }
  }

  private addHeader(part: string) {
    this.headerChars += part.length;
    if (this.headerChars > EVENT_LIMITS.headerChars) throw malformed("the packed header is too large");
    this.headerParts.push(part);
  }

  private addItem(part: string) {
    if (!part) return;
    this.itemChars += part.length;
    if (this.itemChars > EVENT_LIMITS.chars) {
      throw new ServiceError(
        "payload_too_large",
        `One event of the recording is larger than ${EVENT_LIMITS.chars} characters`,
      );
    }
    this.item.push(part);
  }

  private flushItem() {
    const json = this.item.join("").trim();
    this.item = [];
    this.itemChars = 0;
    this.itemTokens = 0;
    if (json) this.onItem(json);
  }
}

const malformed = (message: string) =>
  new ServiceError("validation_failed", "The recording must be a non-empty array of rrweb events", [
    { path: "", message },
  ]);
