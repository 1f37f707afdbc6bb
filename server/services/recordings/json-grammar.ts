import { ServiceError } from "../service-error.js";

/** JSON's grammar for strings and numbers, exactly as JSON.parse takes them, for readers that never build values. */

export const notJson = () => new ServiceError("bad_request", "The recording is not valid JSON");

/**
 * From `from` (inside a string, after its opening quote or a chunk's start) to its closing quote: that quote's index,
 * or text.length when the text ends first (`state.escape` carries a pending escape over). Refuses what JSON.parse
 * refuses in a string: control characters and unknown escapes.
 */
export function skipString(text: string, from: number, state: { escape: number }): number {
  const length = text.length;
  // 0: plain text; 1: after a backslash; 2..5: hex digits of \u left, plus one.
  let pending = state.escape;
  let i = from;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (pending === 0) {
      if (c === 0x22) break;
      if (c === 0x5c) pending = 1;
      else if (c < 0x20) throw notJson();
    } else if (pending === 1) {
      if (c === 0x75) pending = 5;
      else if (c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72)
        pending = 0;
      else if (c === 0x74) pending = 0;
      else throw notJson();
    } else {
      const hex = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
      if (!hex) throw notJson();
      pending = pending === 2 ? 0 : pending - 1;
    }
  }
  state.escape = pending;
  return i;
}

// A number's states, after its first character ("-" leaves it at NUMBER_START, waiting for a digit).
export const NUMBER_START = 0;
const ZERO = 1;
const INT = 2;
const DOT = 3;
const FRAC = 4;
const E = 5;
const E_SIGN = 6;
const EXP = 7;

/** The state after one more character `c`, or -1 when `c` is not part of the number (it ended before `c`). */
export function numberStep(state: number, c: number): number {
  const digit = c >= 0x30 && c <= 0x39;
  switch (state) {
    case NUMBER_START:
      return !digit ? -1 : c === 0x30 ? ZERO : INT;
    case ZERO:
    case INT:
      if (digit && state === INT) return INT;
      return c === 0x2e ? DOT : c === 0x65 || c === 0x45 ? E : -1;
    case DOT:
      return digit ? FRAC : -1;
    case FRAC:
      return digit ? FRAC : c === 0x65 || c === 0x45 ? E : -1;
    case E:
      return c === 0x2b || c === 0x2d ? E_SIGN : digit ? EXP : -1;
    default:
      return digit ? EXP : -1;
  }
}

/** A number may end here: "-" alone, "1." and "1e" may not. */
export const numberComplete = (state: number) => state === ZERO || state === INT || state === FRAC || state === EXP;
