import { createHash } from "node:crypto";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import {
  createUnpacker,
  PACKED_FORMAT,
  PACKED_ARRAY_TAG,
  PackedRecordingError,
} from "../../../shared/recording-pack.js";
import { ServiceError } from "../service-error.js";
import { EventScanner } from "./event-scanner.js";

const EVENT_FULL_SNAPSHOT = 2;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export interface ReadUpload {
  /** What to store: the upload as sent (plain), or gzip of the unpacked plain JSON (packed). */
  gzip: Buffer;
  /** SHA-256 of the bytes as uploaded: a retry of the same upload is recognised by it. */
  sha256: string;
  count: number;
  rawBytes: number;
  startedAt: number;
  endedAt: number;
}

/** Only the SHA-256 of a body, capped: for a retry of a recording that is already stored. */
export async function hashUpload(body: ReadableStream<Uint8Array> | null, maxCompressedBytes: number): Promise<string> {
  const hash = createHash("sha256");
  await inflate(body, maxCompressedBytes, { compressed: (chunk) => hash.update(chunk) });
  return hash.digest("hex");
}

/**
 * Streams an upload through gunzip with a hard output cap and splits the JSON into events as it arrives, so memory
 * holds one event and the compressed bytes, never the whole inflated recording or its parsed tree.
 */
export async function readUpload(
  body: ReadableStream<Uint8Array> | null,
  limits: { maxCompressedBytes: number; maxRawBytes: number },
): Promise<ReadUpload> {
  const hash = createHash("sha256");
  const compressed: Buffer[] = [];
  const summary = { count: 0, rawBytes: 0, startedAt: Number.POSITIVE_INFINITY, endedAt: 0, fullSnapshot: false };
  let unpack: ((value: unknown) => unknown) | undefined;
  let repack: Repacker | undefined;
  let itemIndex = -1;
  const scanner = new EventScanner((json) => {
    itemIndex++;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw new ServiceError("bad_request", "The recording is not valid JSON");
    }
    if (scanner.layout === "packed") {
      if (!unpack) unpack = startPacked(scanner.header);
      if (itemIndex === 0) {
        if (value !== PACKED_ARRAY_TAG) throw packedError("events must be an array");
        return;
      }
      try {
        value = unpack(value);
      } catch (error) {
        if (error instanceof PackedRecordingError) throw packedError(error.message);
        throw error;
      }
      repack ??= new Repacker(limits.maxRawBytes);
      repack.add(value);
    }
    checkEvent(value, summary.count, summary);
  });
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let rawBytes = 0;
  let first = true;
  try {
    await inflate(body, limits.maxCompressedBytes, {
      compressed(chunk) {
        if (first && (chunk.byteLength < 2 || chunk[0] !== 0x1f || chunk[1] !== 0x8b)) {
          throw new ServiceError("bad_request", "The recording must be gzip-compressed JSON");
        }
        first = false;
        hash.update(chunk);
        compressed.push(chunk);
      },
      inflated(chunk) {
        rawBytes += chunk.byteLength;
        if (rawBytes > limits.maxRawBytes) {
          throw new ServiceError(
            "payload_too_large",
            `The recording is larger than ${mb(limits.maxRawBytes)} uncompressed`,
          );
        }
        scanner.push(decoder.decode(chunk, { stream: true }));
      },
    });
  } catch (error) {
    repack?.abort();
    throw error;
  }
  scanner.push(decoder.decode());
  scanner.end();
  if (summary.count === 0) {
    throw new ServiceError("validation_failed", "The recording must be a non-empty array of rrweb events", [
      { path: "", message: "expected a non-empty array" },
    ]);
  }
  if (!summary.fullSnapshot) {
    repack?.abort();
    throw new ServiceError("validation_failed", "The recording has no full snapshot, so it cannot be replayed", [
      { path: "", message: "no full snapshot event (type 2)" },
    ]);
  }
  const stored = repack ? await repack.finish() : { gzip: Buffer.concat(compressed), rawBytes };
  return {
    gzip: stored.gzip,
    sha256: hash.digest("hex"),
    count: summary.count,
    rawBytes: stored.rawBytes,
    startedAt: summary.startedAt,
    endedAt: summary.endedAt,
  };
}

function checkEvent(
  value: unknown,
  index: number,
  summary: { count: number; startedAt: number; endedAt: number; fullSnapshot: boolean },
) {
  const e = value as { type?: unknown; timestamp?: unknown } | null;
  if (!e || typeof e !== "object" || typeof e.type !== "number" || typeof e.timestamp !== "number") {
    throw new ServiceError(
      "validation_failed",
      "The recording contains an event without a numeric type and timestamp",
      [{ path: String(index), message: "expected { type: number, timestamp: number }" }],
    );
  }
  if (e.type === EVENT_FULL_SNAPSHOT) summary.fullSnapshot = true;
  summary.count++;
  summary.startedAt = Math.min(summary.startedAt, e.timestamp);
  summary.endedAt = Math.max(summary.endedAt, e.timestamp);
}

function startPacked(header: string | undefined) {
  let parsed: { format?: unknown; shapes?: unknown } | undefined;
  try {
    parsed = header ? JSON.parse(header) : undefined;
  } catch {
    throw new ServiceError("bad_request", "The recording is not valid JSON");
  }
  if (parsed?.format !== PACKED_FORMAT) {
    throw new ServiceError("validation_failed", "The recording must be a non-empty array of rrweb events", [
      { path: "", message: "expected a non-empty array" },
    ]);
  }
  try {
    return createUnpacker(parsed.shapes);
  } catch (error) {
    if (error instanceof PackedRecordingError) throw packedError(error.message);
    throw error;
  }
}

const packedError = (message: string) =>
  new ServiceError("validation_failed", "The packed recording is malformed", [{ path: "events", message }]);

/** Writes unpacked events as one plain JSON array into gzip, as they come (what GET .../recording serves). */
class Repacker {
  private readonly gzip: Gzip = createGzip();
  private readonly out: Buffer[] = [];
  private readonly ended: Promise<void>;
  private rawBytes = 1;
  private first = true;

  constructor(private readonly maxRawBytes: number) {
    this.gzip.on("data", (chunk: Buffer) => this.out.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.gzip.on("end", resolve);
      this.gzip.on("error", reject);
    });
    this.gzip.write("[");
  }

  add(event: unknown) {
    const json = `${this.first ? "" : ","}${JSON.stringify(event)}`;
    this.first = false;
    this.rawBytes += Buffer.byteLength(json);
    if (this.rawBytes > this.maxRawBytes) {
      throw new ServiceError("payload_too_large", `The recording is larger than ${mb(this.maxRawBytes)} uncompressed`);
    }
    this.gzip.write(json);
  }

  async finish() {
    this.gzip.end("]");
    await this.ended;
    return { gzip: Buffer.concat(this.out), rawBytes: this.rawBytes + 1 };
  }

  abort() {
    this.gzip.destroy();
  }
}

/**
 * Reads the body chunk by chunk under a byte cap and, when asked, gunzips it as it arrives. The first error (a cap
 * passed, bad gzip, a handler's refusal) stops everything at once: the body is cancelled, not drained.
 */
async function inflate(
  body: ReadableStream<Uint8Array> | null,
  maxCompressedBytes: number,
  on: { compressed: (chunk: Buffer) => void; inflated?: (chunk: Buffer) => void },
): Promise<void> {
  if (!body) throw new ServiceError("bad_request", "The recording must be gzip-compressed JSON");
  const reader = body.getReader();
  const gunzip = on.inflated ? createGunzip() : undefined;
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    gunzip?.destroy();
  };
  gunzip?.on("data", (chunk: Buffer) => {
    if (failure) return;
    try {
      on.inflated!(chunk);
    } catch (error) {
      fail(error);
    }
  });
  const finished = gunzip
    ? new Promise<void>((resolve) => {
        gunzip.on("end", resolve);
        gunzip.on("close", resolve);
        gunzip.on("error", (error: NodeJS.ErrnoException) => {
          fail(
            error.code?.startsWith("Z_") ? new ServiceError("bad_request", "The recording is not valid gzip") : error,
          );
          resolve();
        });
      })
    : Promise.resolve();
  let total = 0;
  try {
    while (!failure) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      total += chunk.byteLength;
      if (total > maxCompressedBytes) {
        throw new ServiceError(
          "payload_too_large",
          `The recording is larger than ${mb(maxCompressedBytes)} compressed`,
        );
      }
      on.compressed(chunk);
      if (gunzip && !gunzip.write(chunk) && !failure) {
        await new Promise<void>((resolve) => {
          gunzip.once("drain", resolve);
          gunzip.once("close", resolve);
        });
      }
    }
    if (!failure) gunzip?.end();
    await finished;
  } catch (error) {
    fail(error);
  }
  if (failure) {
    reader.cancel().catch(() => {});
    throw failure;
  }
}
