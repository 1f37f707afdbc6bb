import { Readable } from "node:stream";
import type { Db } from "../db/client.js";

/** Where a blob's bytes come from: a buffer already in memory, or a stream written through without buffering. */
export type BlobBody = Uint8Array | Readable;

/**
 * Recordings and attachments live behind this one interface: S3-compatible object storage, the local data directory,
 * or PostgreSQL as the fallback. Keys are "ws/<workspace>/tickets/<ticket>/…" so one prefix holds a ticket's blobs.
 */
export interface BlobStore {
  readonly kind: "s3" | "fs" | "postgres";
  /** `length`: the stream's exact byte count when known (object storage then streams it as one PUT). */
  put(key: string, body: BlobBody, contentType?: string, length?: number): Promise<void>;
  /** The bytes as a stream, or null when there is no such blob. */
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
  /** Keys under the prefix, in key order. */
  list(prefix: string): Promise<string[]>;
  /**
   * The same store for work inside a transaction of the app's database (the PostgreSQL store: on PGlite's one
   * connection its own queries would wait for that transaction forever). Absent for stores outside the database.
   */
  inTransaction?(tx: Db): BlobStore;
  /** Throws when the store cannot be reached (for /readyz). */
  check(): Promise<void>;
  close(): Promise<void>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,500}$/;

/** Keys are built by the server, never from user input; this refuses anything that could escape a directory. */
export function assertKey(key: string): void {
  if (!KEY.test(key) || key.includes("..") || key.includes("//")) throw new Error(`Invalid blob key "${key}"`);
}

export const ticketPrefix = (workspaceId: string, ticketId: string) => `ws/${workspaceId}/tickets/${ticketId}/`;
/** `version` (the upload's hash) keeps two racing uploads for one ticket from overwriting each other's bytes. */
export const recordingKey = (workspaceId: string, ticketId: string, version?: string) =>
  `${ticketPrefix(workspaceId, ticketId)}recording${version ? `-${version.slice(0, 16)}` : ""}.json.gz`;
export const attachmentKey = (workspaceId: string, ticketId: string, attachmentId: string) =>
  `${ticketPrefix(workspaceId, ticketId)}attachments/${attachmentId}`;

/** The store to use inside the transaction `tx`. */
export const storeWithin = (store: BlobStore, tx: Db): BlobStore => store.inTransaction?.(tx) ?? store;

/** Deletes every blob under a prefix; returns how many there were. */
export async function deletePrefix(store: BlobStore, prefix: string): Promise<number> {
  const keys = await store.list(prefix);
  for (const key of keys) await store.delete(key);
  return keys.length;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export const toReadable = (body: BlobBody): Readable => (body instanceof Readable ? body : Readable.from([body]));
