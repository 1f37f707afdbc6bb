/**
 * A lossless, gzip-friendly layout for a recording's JSON (the widget packs, the server unpacks; imports nothing).
 *
 * rrweb events are many small objects with the same few keys and integer fields that grow steadily (node ids,
 * timestamps, coordinates). gzip pays a back-reference for every repeated key and cannot see that 4614 follows 4613.
 * So each object becomes [shapeIndex, ...values] with its key list stored once in `shapes`, each array becomes
 * [-1, ...items], and each integer in an object field is stored as the difference from the previous integer in the
 * same field of the same shape. Measured on a 60 s window: gzip of the packed JSON is 0.04-0.07 of the raw JSON,
 * against 0.12-0.13 for gzip of the JSON itself.
 */
export const PACKED_FORMAT = "handoff-packed-1";

/** The array tag that opens every packed array, `events` included. */
export const PACKED_ARRAY_TAG = -1;

export interface PackedRecording {
  format: typeof PACKED_FORMAT;
  shapes: string[][];
  events: unknown;
}

const ARRAY = PACKED_ARRAY_TAG;

export function packEvents(events: unknown[]): PackedRecording {
  const shapeIndex = new Map<string, number>();
  const shapes: string[][] = [];
  // Last integer seen per shape and field: deltas against it are small and repetitive.
  const previous: number[][] = [];
  const pack = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const out: unknown[] = [ARRAY];
      for (const item of value) out.push(pack(item));
      return out;
    }
    if (value === null || typeof value !== "object") return value;
    const keys = Object.keys(value);
    const signature = keys.join("\u0000");
    let s = shapeIndex.get(signature);
    if (s === undefined) {
      s = shapes.length;
      shapeIndex.set(signature, s);
      shapes.push(keys);
      previous.push(keys.map(() => 0));
    }
    const prev = previous[s];
    const out: unknown[] = [s];
    for (let i = 0; i < keys.length; i++) {
      const field = (value as Record<string, unknown>)[keys[i]];
      if (typeof field === "number" && Number.isInteger(field)) {
        out.push(field - prev[i]);
        prev[i] = field;
      } else out.push(pack(field));
    }
    return out;
  };
  return { format: PACKED_FORMAT, shapes, events: pack(events) };
}

export class PackedRecordingError extends Error {}

/** The inverse of packEvents. Throws PackedRecordingError on anything packEvents could not have produced. */
export function unpackEvents(packed: PackedRecording): unknown[] {
  const unpack = createUnpacker(packed.shapes);
  const events = unpack(packed.events);
  if (!Array.isArray(events)) throw new PackedRecordingError("events must be an array");
  return events;
}

/**
 * Unpacks one value at a time, keeping the running deltas: feeding the items of the packed `events` array (after its
 * leading array tag) one by one gives the same events as unpackEvents, so a server can unpack while it streams.
 */
export function createUnpacker(shapes: unknown): (value: unknown) => unknown {
  const shapeList = checkShapes(shapes);
  const previous = shapeList.map((keys) => keys.map(() => 0));
  const unpack = (value: unknown): unknown => {
    if (!Array.isArray(value)) {
      if (value !== null && typeof value === "object") throw new PackedRecordingError("unexpected object");
      return value;
    }
    const tag = value[0];
    if (tag === ARRAY) return value.slice(1).map(unpack);
    const keys = typeof tag === "number" ? shapeList[tag] : undefined;
    if (!keys || value.length !== keys.length + 1) throw new PackedRecordingError("unknown shape or wrong field count");
    const prev = previous[tag as number];
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      let field = value[i + 1];
      if (typeof field === "number" && Number.isInteger(field)) field = prev[i] += field;
      else field = unpack(field);
      // Like JSON.parse: "__proto__" is an own property, never the prototype.
      if (keys[i] === "__proto__")
        Object.defineProperty(out, keys[i], { value: field, enumerable: true, writable: true, configurable: true });
      else out[keys[i]] = field;
    }
    return out;
  };
  return unpack;
}

/** An event's two fields a server summarises a recording by (createPackedEventReader). */
export interface PackedEventStamp {
  type: unknown;
  timestamp: unknown;
}

/**
 * Reads the items of a packed `events` array one by one as createUnpacker would unpack them (same checks, same running
 * deltas, so the same errors and values) without building the events: a server that stores the upload as sent only
 * needs each event's type and timestamp. null for an item that is not an object.
 */
export function createPackedEventReader(shapes: unknown): (value: unknown) => PackedEventStamp | null {
  const shapeList = checkShapes(shapes);
  const previous = shapeList.map((keys) => keys.map(() => 0));
  // Like unpacking into an object: a repeated key keeps its last value.
  const typeAt = shapeList.map((keys) => keys.lastIndexOf("type"));
  const timestampAt = shapeList.map((keys) => keys.lastIndexOf("timestamp"));
  /** Walks one packed value, applying its deltas; returns its shape index when it is an object. */
  const walk = (value: unknown): number | undefined => {
    if (!Array.isArray(value)) {
      if (value !== null && typeof value === "object") throw new PackedRecordingError("unexpected object");
      return undefined;
    }
    const tag = value[0];
    if (tag === ARRAY) {
      for (let i = 1; i < value.length; i++) walk(value[i]);
      return undefined;
    }
    const keys = typeof tag === "number" ? shapeList[tag] : undefined;
    if (!keys || value.length !== keys.length + 1) throw new PackedRecordingError("unknown shape or wrong field count");
    const prev = previous[tag as number];
    for (let i = 0; i < keys.length; i++) {
      const field = value[i + 1];
      if (typeof field === "number" && Number.isInteger(field)) prev[i] += field;
      else walk(field);
    }
    return tag as number;
  };
  const fieldOf = (value: unknown[], shape: number, at: number): unknown => {
    if (at < 0) return undefined;
    const field = value[at + 1];
    // Anything else is as sent: a float, a string, or an array (which unpacks to an array: not a number either way).
    return typeof field === "number" && Number.isInteger(field) ? previous[shape][at] : field;
  };
  return (value) => {
    const shape = walk(value);
    if (shape === undefined) return null;
    const packed = value as unknown[];
    return { type: fieldOf(packed, shape, typeAt[shape]), timestamp: fieldOf(packed, shape, timestampAt[shape]) };
  };
}

export function checkShapes(shapes: unknown): string[][] {
  if (
    !Array.isArray(shapes) ||
    !shapes.every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === "string"))
  ) {
    throw new PackedRecordingError("shapes must be arrays of field names");
  }
  return shapes as string[][];
}

export function isPackedRecording(value: unknown): value is PackedRecording {
  return !!value && typeof value === "object" && (value as { format?: unknown }).format === PACKED_FORMAT;
}
