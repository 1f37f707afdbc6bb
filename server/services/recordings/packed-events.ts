import { PACKED_ARRAY_TAG, type PackedEventStamp } from "../../../shared/recording-pack.js";
import { ServiceError } from "../service-error.js";
import { EVENT_LIMITS } from "./event-scanner.js";
import { NUMBER_START, notJson, numberComplete, numberStep, skipString } from "./json-grammar.js";
import { EventStamp, INTEGER, NUMBER, OTHER, PackedShapes } from "./packed-stamps.js";

// What the next character may be.
const VALUE = 0; // a value (after "," in an array, ":" in an object)
const VALUE_OR_CLOSE = 1; // a value or "]" (an array just opened)
const AFTER = 2; // "," or the closer
const KEY = 3; // a string key (after "," in an object)
const KEY_OR_CLOSE = 4; // a key or "}" (an object just opened)
const COLON = 5;
// Inside a token.
const IN_STRING = 6;
const IN_NUMBER = 7;
const IN_LITERAL = 8;

// What a value is to the packed layout (createPackedEventReader's walk), decided as it starts.
const IGNORED = 0; // not walked (under an object, after an error, a tag's own contents)
const WALKED = 1; // an item of a tagged array, or a non-integer field
const TAG = 2; // the first element of a walked array: -1 or a shape index
const FIELD = 3; // a field of a shape: an integer is a delta, anything else is walked
const FIRST = 4; // the events array's own tag (its first item): must be -1
const EVENT = 5; // an item of the events array: an event

// An array's mode.
const AWAIT_TAG = -2;
const ITEMS = PACKED_ARRAY_TAG;
const SKIP = -3;
const OBJECT = -4;

/**
 * Reads the items of a packed recording's `events` array in one pass over its text, however it is chunked, without
 * building them: JSON.parse's grammar (what it refuses, this refuses), then createPackedEventReader's checks and
 * running deltas (same errors, same first error, same type and timestamp), then `onEvent` per event. Nothing but a
 * stack of the open arrays is held, so an upload costs no string or object per event.
 */
export class PackedEventsReader {
  /** Read with the first item: nothing in it needs a shape. */
  private shapes = new PackedShapes([]);
  private readonly event = new EventStamp();
  private state = VALUE_OR_CLOSE;
  // The open containers of the current item: mode (OBJECT for an object), elements so far, pre-order number.
  private depth = 0;
  private mode = new Int32Array(64);
  private count = new Int32Array(64);
  private seq = new Int32Array(64);
  private nextSeq = 0;
  /** The role and seq of the token being read (string, number, literal). */
  private tokenRole = IGNORED;
  private tokenField = -1;
  private tokenIsKey = false;
  private readonly string = { escape: 0 };
  private numberState = NUMBER_START;
  private numberText: string[] | undefined;
  private literal = "";
  private literalAt = 0;
  // The current item.
  private items = 0;
  private hasItem = false;
  private itemChars = 0;
  private itemTokens = 0;
  private errorSeq = -1;
  private errorMessage = "";

  /**
   * `readShapes` checks the header and gives its shapes (or throws): called once the first item (the events array's
   * own tag, which needs none) has been read, as the item-by-item reader did, so a broken first item is reported first.
   */
  constructor(
    private readonly readShapes: () => string[][],
    private readonly onEvent: (stamp: PackedEventStamp | null) => void,
  ) {}

  /** Reads text from `from`: the index just after the events array's "]", or -1 when the text ends inside it. */
  push(text: string, from: number): number {
    const length = text.length;
    let itemFrom = from;
    let i = from;
    for (; i < length; i++) {
      const ch = text.charCodeAt(i);
      switch (this.state) {
        case IN_STRING: {
          i = skipString(text, i, this.string);
          if (i === length) break;
          if (this.tokenIsKey) this.state = COLON;
          else {
            this.settleOther();
            this.state = AFTER;
          }
          break;
        }
        case IN_NUMBER: {
          const start = i;
          for (; i < length; i++) {
            const next = numberStep(this.numberState, text.charCodeAt(i));
            if (next < 0) break;
            this.numberState = next;
          }
          if (this.numberText) this.numberText.push(text.slice(start, i));
          if (i === length) break;
          this.endNumber();
          i--; // the character after the number is read again, as what follows a value
          break;
        }
        case IN_LITERAL: {
          if (ch !== this.literal.charCodeAt(this.literalAt)) throw notJson();
          if (++this.literalAt === this.literal.length) {
            this.settleOther();
            this.state = AFTER;
          }
          break;
        }
        default: {
          if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) break;
          const depth = this.depth;
          if (this.state === AFTER) {
            if (ch === 0x2c) {
              if (depth === 0) {
                this.endItem(i - itemFrom);
                itemFrom = i + 1;
                this.state = VALUE_OR_CLOSE;
              } else {
                this.countToken();
                if (this.mode[depth - 1] === OBJECT) this.state = KEY;
                else {
                  this.state = VALUE;
                  // The next item of an array mostly starts right after its comma: read at once, not on another turn.
                  const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
                  if ((next >= 0x30 && next <= 0x39) || next === 0x2d || next === 0x22 || next === 0x5b) {
                    i = this.startValue(next, text, i + 1);
                  }
                }
              }
            } else if (ch === 0x5d && depth === 0) {
              this.endItem(i - itemFrom);
              return i + 1;
            } else if (ch === 0x5d && !(this.mode[depth - 1] === OBJECT)) this.closeArray();
            else if (ch === 0x7d && this.mode[depth - 1] === OBJECT) this.closeObject();
            else throw notJson();
          } else if (this.state === COLON) {
            if (ch !== 0x3a) throw notJson();
            this.countToken();
            this.state = VALUE;
          } else if (this.state === KEY || this.state === KEY_OR_CLOSE) {
            if (ch === 0x22) {
              this.tokenIsKey = true;
              this.string.escape = 0;
              this.state = IN_STRING;
            } else if (ch === 0x7d && this.state === KEY_OR_CLOSE) this.closeObject();
            else throw notJson();
          } else if (depth === 0 && (ch === 0x2c || ch === 0x5d)) {
            // Between items, like the scanner did: an empty item is skipped.
            if (ch === 0x5d) return i + 1;
            itemFrom = i + 1;
            this.itemChars = 0;
            this.itemTokens = 0;
          } else if (ch === 0x5d && this.state === VALUE_OR_CLOSE) this.closeArray();
          else i = this.startValue(ch, text, i);
        }
      }
    }
    this.itemChars += length - itemFrom;
    if (this.itemChars > EVENT_LIMITS.chars) throw eventTooLarge();
    return -1;
  }

  /** A value starts with `ch`: decides what it is to the packed layout, then reads it. */
  private startValue(ch: number, text: string, i: number): number {
    const depth = this.depth;
    const seq = this.nextSeq++;
    let role: number;
    let field = -1;
    if (depth === 0) {
      this.hasItem = true;
      role = this.items === 0 ? FIRST : EVENT;
    } else if (this.mode[depth - 1] === OBJECT) role = IGNORED;
    else {
      const mode = this.mode[depth - 1]!;
      const index = this.count[depth - 1]!++;
      if (mode === SKIP) role = IGNORED;
      else if (mode === AWAIT_TAG) role = TAG;
      else if (mode === ITEMS) role = WALKED;
      else if (index > this.shapes.fieldCount[mode]!) {
        this.fail(this.seq[depth - 1]!, "unknown shape or wrong field count");
        this.mode[depth - 1] = SKIP;
        role = IGNORED;
      } else {
        role = FIELD;
        field = index - 1;
      }
    }
    this.tokenRole = role;
    this.tokenField = field;
    if (ch === 0x5b || ch === 0x7b) {
      this.countToken();
      if (role === TAG) this.badTag();
      if (role === FIRST) this.fail(seq, "events must be an array");
      if (depth === 1 && role === FIELD) this.event.settle(this.shapes, field, OTHER, 0);
      const walked = role === WALKED || role === FIELD || role === EVENT;
      if (depth === this.mode.length) this.grow();
      this.count[depth] = 0;
      this.seq[depth] = seq;
      this.depth = depth + 1;
      if (ch === 0x7b) {
        if (walked) this.fail(seq, "unexpected object");
        this.mode[depth] = OBJECT;
        this.state = KEY_OR_CLOSE;
      } else {
        this.mode[depth] = walked ? AWAIT_TAG : SKIP;
        this.state = VALUE_OR_CLOSE;
        if (role === EVENT) this.event.start();
      }
      return i;
    }
    if (ch === 0x22) {
      this.tokenIsKey = false;
      this.string.escape = 0;
      this.state = IN_STRING;
      return i;
    }
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      // Its value is needed as a tag, as the events' own tag, or as an event's type or timestamp.
      const needed =
        role === TAG || role === FIRST || (role === FIELD && this.shapes.isRead(this.mode[depth - 1]!, field));
      // Most numbers are small integers that end in this chunk: read at once, no text kept.
      const length = text.length;
      let k = ch === 0x2d ? i + 1 : i;
      const first = k;
      let value = 0;
      for (; k < length; k++) {
        const d = text.charCodeAt(k) - 0x30;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
      }
      const digits = k - first;
      if (k < length && digits > 0 && digits <= 15 && (digits === 1 || text.charCodeAt(first) !== 0x30)) {
        const next = text.charCodeAt(k);
        if (next !== 0x2e && next !== 0x65 && next !== 0x45) {
          this.state = AFTER;
          if (needed) this.numberValue(ch === 0x2d ? -value : value);
          return k - 1;
        }
      }
      this.numberState = ch === 0x2d ? NUMBER_START : numberStep(NUMBER_START, ch);
      this.numberText = needed ? [] : undefined;
      if (needed) this.numberText!.push(text[i]!);
      this.state = IN_NUMBER;
      return i;
    }
    this.literal = ch === 0x74 ? "true" : ch === 0x66 ? "false" : ch === 0x6e ? "null" : "";
    if (!this.literal) throw notJson();
    this.literalAt = 1;
    this.state = IN_LITERAL;
    return i;
  }

  private endNumber() {
    if (!numberComplete(this.numberState)) throw notJson();
    this.state = AFTER;
    const text = this.numberText;
    if (!text) return;
    this.numberText = undefined;
    this.numberValue(Number(text.length === 1 ? text[0] : text.join("")));
  }

  /** A number ended: what it means as a tag, the events' tag, or a field (its delta). */
  private numberValue(value: number) {
    const depth = this.depth;
    const role = this.tokenRole;
    if (role === FIRST) {
      if (value !== PACKED_ARRAY_TAG) this.fail(this.nextSeq - 1, "events must be an array");
    } else if (role === TAG) {
      // Only a shape's index is looked up: keys[-1] would be a slow named-property miss on every tagged array.
      const keys = value >= 0 ? this.shapes.keys[value] : undefined;
      if (value === PACKED_ARRAY_TAG) this.mode[depth - 1] = ITEMS;
      else if (keys) this.mode[depth - 1] = value;
      else this.badTag();
      if (depth === 1 && keys) this.event.shape = value;
    } else if (role === FIELD) {
      const shape = this.mode[depth - 1]!;
      const field = this.tokenField;
      if (!this.shapes.isRead(shape, field)) return;
      const integer = Number.isInteger(value);
      if (integer) this.shapes.addDelta(shape, field, value);
      if (depth === 1) this.event.settle(this.shapes, field, integer ? INTEGER : NUMBER, value);
    }
  }

  /** A string or a literal ended (or a container started where a number was wanted). */
  private settleOther() {
    const role = this.tokenRole;
    if (role === TAG) this.badTag();
    else if (role === FIRST) this.fail(this.nextSeq - 1, "events must be an array");
    else if (role === FIELD && this.depth === 1) this.event.settle(this.shapes, this.tokenField, OTHER, 0);
  }

  private badTag() {
    const depth = this.depth;
    this.fail(this.seq[depth - 1]!, "unknown shape or wrong field count");
    this.mode[depth - 1] = SKIP;
  }

  private closeArray() {
    const depth = this.depth;
    const mode = this.mode[depth - 1]!;
    if (mode === AWAIT_TAG || (mode >= 0 && this.count[depth - 1] !== this.shapes.fieldCount[mode]! + 1)) {
      this.fail(this.seq[depth - 1]!, "unknown shape or wrong field count");
    }
    this.pop();
  }

  private closeObject() {
    this.pop();
  }

  private pop() {
    this.depth--;
    this.state = AFTER;
  }

  private grow() {
    const grown = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.mode = grown(this.mode);
    this.count = grown(this.count);
    this.seq = grown(this.seq);
  }

  /** Keeps the error createPackedEventReader's walk would meet first: the one of the earliest value in pre-order. */
  private fail(seq: number, message: string) {
    if (this.errorSeq < 0 || seq < this.errorSeq) {
      this.errorSeq = seq;
      this.errorMessage = message;
    }
  }

  private countToken() {
    if (++this.itemTokens > EVENT_LIMITS.tokens) {
      throw new ServiceError("payload_too_large", "One event of the recording has too many fields");
    }
  }

  /** An item ended at "," or "]": its error, or its event. */
  private endItem(chars: number) {
    this.itemChars += chars;
    if (this.itemChars > EVENT_LIMITS.chars) throw eventTooLarge();
    this.itemChars = 0;
    this.itemTokens = 0;
    if (!this.hasItem) return;
    this.hasItem = false;
    const first = this.items++ === 0;
    if (first) this.shapes = new PackedShapes(this.readShapes());
    if (this.errorSeq >= 0) throw packedError(this.errorMessage);
    this.nextSeq = 0;
    if (first) return;
    this.onEvent(this.event.take(this.shapes));
  }
}

const eventTooLarge = () =>
  new ServiceError("payload_too_large", `One event of the recording is larger than ${EVENT_LIMITS.chars} characters`);

export const packedError = (message: string) =>
  new ServiceError("validation_failed", "The packed recording is malformed", [{ path: "events", message }]);
