import { createHash } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { checkShapes, PACKED_FORMAT, PackedRecordingError } from "../../../shared/recording-pack.js";
import { ServiceError } from "../service-error.js";
import { EventScanner } from "./event-scanner.js";
import { PackedEventsReader, packedError } from "./packed-events.js";

const EVENT_FULL_SNAPSHOT = 2;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export interface ReadUpload {
  /** SHA-256 of the bytes as uploaded: a retry of the same upload is recognised by it. */
  sha256: string;
  compressedBytes: number;
  count: number;
  /** The upload's inflated size (the packed JSON for the widget's layout). */
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
 * Checks an upload as it streams in and hands its bytes, as sent, to `forward` (the blob store) meanwhile: gunzip with
 * a hard output cap, the JSON split into events (an event at a time is held, never the whole inflated recording or its
 * parsed tree), each event read for its type and timestamp. Packed events are read in the scan's one pass without
 * being parsed or unpacked (PackedEventsReader, as createPackedEventReader would): nothing is re-encoded or re-compressed. The last chunk is forwarded only once the whole
 * upload checked out, so a store never completes an object from an upload that fails.
 */
export async function readUpload(
  body: ReadableStream<Uint8Array> | null,
  limits: { maxCompressedBytes: number; maxRawBytes: number },
  forward: (chunk: Buffer) => void | Promise<void> = () => {},
): Promise<ReadUpload> {
  const hash = createHash("sha256");
  const summary = { count: 0, rawBytes: 0, startedAt: Number.POSITIVE_INFINITY, endedAt: 0, fullSnapshot: false };
  const scanner = new EventScanner(
    (json) => {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        throw new ServiceError("bad_request", "The recording is not valid JSON");
      }
      checkEvent(value, summary.count, summary);
    },
    // The widget's layout: read in the same pass as the scan, no event parsed into objects (packed-events.ts).
    (header) =>
      new PackedEventsReader(
        () => packedShapes(header),
        (stamp) => checkEvent(stamp, summary.count, summary),
      ),
  );
  // Node's own UTF-8 decoding, as a replay reads the bytes (plain-recording.ts): ~8x cheaper than TextDecoder's stream
  // mode on a recording's mostly ASCII text (~0.05 ms against ~0.4 ms for 680 KB).
  const decoder = new StringDecoder("utf8");
  let compressedBytes = 0;
  let held: Buffer | undefined;
  await inflate(body, limits.maxCompressedBytes, {
    compressed(chunk) {
      if (compressedBytes === 0 && (chunk.byteLength < 2 || chunk[0] !== 0x1f || chunk[1] !== 0x8b)) {
        throw new ServiceError("bad_request", "The recording must be gzip-compressed JSON");
      }
      compressedBytes += chunk.byteLength;
      hash.update(chunk);
    },
    inflated(chunk) {
      summary.rawBytes += chunk.byteLength;
      if (summary.rawBytes > limits.maxRawBytes) {
        throw new ServiceError(
          "payload_too_large",
          `The recording is larger than ${mb(limits.maxRawBytes)} uncompressed`,
        );
      }
      scanner.push(decoder.write(chunk));
    },
    async forward(chunk) {
      if (held) await forward(held);
      held = chunk;
    },
  });
  scanner.push(decoder.end());
  scanner.end();
  if (summary.count === 0) {
    throw new ServiceError("validation_failed", "The recording must be a non-empty array of rrweb events", [
      { path: "", message: "expected a non-empty array" },
    ]);
  }
  if (!summary.fullSnapshot) {
    throw new ServiceError("validation_failed", "The recording has no full snapshot, so it cannot be replayed", [
      { path: "", message: "no full snapshot event (type 2)" },
    ]);
  }
  if (held) await forward(held);
  return {
    sha256: hash.digest("hex"),
    compressedBytes,
    count: summary.count,
    rawBytes: summary.rawBytes,
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

function packedShapes(header: string | undefined): string[][] {
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
    return checkShapes(parsed.shapes);
  } catch (error) {
    if (error instanceof PackedRecordingError) throw packedError(error.message);
    throw error;
  }
}

/**
 * Reads the body chunk by chunk under a byte cap and, when asked, gunzips it as it arrives. The first error (a cap
 * passed, bad gzip, a handler's refusal) stops everything at once: the body is cancelled, not drained.
 */
async function inflate(
  body: ReadableStream<Uint8Array> | null,
  maxCompressedBytes: number,
  on: {
    compressed: (chunk: Buffer) => void;
    inflated?: (chunk: Buffer) => void;
    /** After the chunk passed `compressed` and went into gunzip; awaited (the blob store's backpressure). */
    forward?: (chunk: Buffer) => void | Promise<void>;
  },
): Promise<void> {
  if (!body) throw new ServiceError("bad_request", "The recording must be gzip-compressed JSON");
  const reader = body.getReader();
  // 64 KB out per callback (the default is 16 KB): fewer hand-offs to the scan.
  const gunzip = on.inflated ? createGunzip({ chunkSize: 64 * 1024 }) : undefined;
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
      if (on.forward && !failure) await on.forward(chunk);
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
