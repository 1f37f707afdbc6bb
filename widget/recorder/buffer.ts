/**
 * Rolling recording buffer, segmented at checkouts. Pure (no DOM) so it can be unit tested.
 *
 * rrweb 2.x flags both the Meta (type 4) and the FullSnapshot (type 2) event of a checkout with isCheckout, so a
 * segment starts at each Meta event. A segment is therefore replayable on its own, and the buffer always starts
 * with a full snapshot.
 */
export interface BufferedEvent {
  type: number;
  timestamp: number;
}

export const EVENT_META = 4;

interface Segment<E> {
  events: E[];
  bytes: number;
  start: number;
}

export interface RollingBufferOptions {
  windowMs: number;
  /** Estimated bytes (JSON length) kept at most; oldest segments go first, never the newest. */
  maxBytes: number;
  /** Called when the newest segment alone outgrows the cap: the recorder should take a fresh full snapshot. */
  onOverflow?(): void;
}

export class RollingBuffer<E extends BufferedEvent = BufferedEvent> {
  private segments: Segment<E>[] = [];
  private totalBytes = 0;

  constructor(private readonly options: RollingBufferOptions) {}

  push(event: E, bytes = estimateBytes(event)): void {
    if (event.type === EVENT_META || this.segments.length === 0) {
      // Events before the first Meta cannot be replayed without a snapshot: drop them.
      if (event.type !== EVENT_META) return;
      this.segments.push({ events: [], bytes: 0, start: event.timestamp });
    }
    const segment = this.segments[this.segments.length - 1];
    segment.events.push(event);
    segment.bytes += bytes;
    this.totalBytes += bytes;
    this.trim(event.timestamp);
  }

  private trim(now: number): void {
    const windowStart = now - this.options.windowMs;
    // The oldest segment is redundant once the next one alone already covers the whole window; then over the cap, the
    // oldest go too.
    while (
      this.segments.length > 1 &&
      (this.segments[1].start <= windowStart || this.totalBytes > this.options.maxBytes)
    )
      this.dropOldest();
    if (this.segments.length === 1 && this.totalBytes > this.options.maxBytes) this.options.onOverflow?.();
  }

  private dropOldest(): void {
    const dropped = this.segments.shift();
    if (dropped) this.totalBytes -= dropped.bytes;
  }

  /** A copy of everything buffered, oldest first; starts with a Meta + FullSnapshot when not empty. */
  events(): E[] {
    return this.segments.flatMap((segment) => segment.events);
  }

  /** Time covered, first to last event. */
  durationMs(): number {
    // A segment starts at its Meta event's time.
    const all = this.events();
    return all.length && all[all.length - 1].timestamp - all[0].timestamp;
  }

  clear(): void {
    this.segments = [];
    this.totalBytes = 0;
  }
}

/**
 * About the length of an event's JSON (10-15 % over), counted from its fields: a large page's snapshot is megabytes
 * of JSON, and building that string only to measure it took longer than the rest of the recorder's work on it. Cheap
 * enough for every event (in proportion to what rrweb built for it).
 */
export function estimateBytes(value: unknown): number {
  if (typeof value === "string") return value.length + 2;
  // Numbers, booleans and null: about 5 characters (ids, flags), without making a string of each.
  if (!value || typeof value !== "object") return 5;
  let n = 1;
  // An array's items count as fields named by their index: a few bytes too many, one loop less.
  for (const key in value) n += key.length + 4 + estimateBytes((value as Record<string, unknown>)[key]);
  return n;
}
