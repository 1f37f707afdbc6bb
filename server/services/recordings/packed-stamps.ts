import type { PackedEventStamp } from "../../../shared/recording-pack.js";

/**
 * A packed recording's shapes, with the running value of the two fields a server reads (type, timestamp) per shape:
 * createPackedEventReader's deltas, kept only where they are read.
 */
export class PackedShapes {
  readonly fieldCount: Int32Array;
  readonly typeAt: number[];
  readonly timestampAt: number[];
  private readonly previous: number[][];

  constructor(readonly keys: string[][]) {
    this.fieldCount = Int32Array.from(keys, (k) => k.length);
    // Like unpacking into an object: a repeated key keeps its last value.
    this.typeAt = keys.map((k) => k.lastIndexOf("type"));
    this.timestampAt = keys.map((k) => k.lastIndexOf("timestamp"));
    this.previous = keys.map((k) => k.map(() => 0));
  }

  /** Whether field `field` of `shape` is read (so its value is needed). */
  isRead(shape: number, field: number): boolean {
    return field === this.typeAt[shape] || field === this.timestampAt[shape];
  }

  addDelta(shape: number, field: number, delta: number) {
    this.previous[shape]![field]! += delta;
  }

  running(shape: number, field: number): number {
    return this.previous[shape]![field]!;
  }
}

// How an event's type or timestamp field was given.
const MISSING = 0;
export const INTEGER = 1; // a delta: the running value once the event is walked (as createPackedEventReader reads it)
export const NUMBER = 2; // any other number, as sent
export const OTHER = 3;

/** One event's type and timestamp while its packed array is read. */
export class EventStamp {
  shape = -1;
  private typeKind = MISSING;
  private typeValue = 0;
  private timestampKind = MISSING;
  private timestampValue = 0;

  start() {
    this.shape = -1;
    this.typeKind = MISSING;
    this.timestampKind = MISSING;
  }

  /** Field `field` of the event was read: an integer (delta), another number, or something else. */
  settle(shapes: PackedShapes, field: number, kind: number, value: number) {
    if (this.shape < 0) return;
    if (field === shapes.typeAt[this.shape]) {
      this.typeKind = kind;
      this.typeValue = value;
    }
    if (field === shapes.timestampAt[this.shape]) {
      this.timestampKind = kind;
      this.timestampValue = value;
    }
  }

  /** The event's stamp, or null when it was not an object (a shape). */
  take(shapes: PackedShapes): PackedEventStamp | null {
    const shape = this.shape;
    this.shape = -1;
    if (shape < 0) return null;
    return {
      type: fieldValue(shapes, shape, this.typeKind, shapes.typeAt[shape]!, this.typeValue),
      timestamp: fieldValue(shapes, shape, this.timestampKind, shapes.timestampAt[shape]!, this.timestampValue),
    };
  }
}

function fieldValue(shapes: PackedShapes, shape: number, kind: number, at: number, sent: number) {
  return kind === INTEGER ? shapes.running(shape, at) : kind === NUMBER ? sent : undefined;
}
