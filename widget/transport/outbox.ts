/**
 * The outbox: every submission is written to IndexedDB before it is sent, and removed only once the server has it
 * (ticket created and recording stored). Whatever is left is retried on the next page load and when the browser
 * comes back online. Bounded in count and bytes; the idempotency key is the item's key, so a retry never creates a
 * second ticket, and once the ticket exists its id and upload token are kept so only the recording is retried.
 */
import type { TicketCreateInput, TicketCreated } from "../../shared/widget-api.js";
import { setOutboxHint } from "./outbox-flag.js";

export interface OutboxItem {
  /** The Idempotency-Key: the same for every attempt, in this page or the next. */
  key: string;
  apiOrigin: string;
  siteKey: string;
  body: TicketCreateInput;
  /** gzip of the rrweb events; absent when none were included (or it was dropped to stay within bounds). */
  recording?: Blob;
  /** Set once the server has created the ticket: from then on only the recording is outstanding. */
  created?: TicketCreated;
  savedAt: number;
  attempts: number;
}

export const OUTBOX_LIMITS = {
  items: 10,
  /** Recordings are the bulk; a few minutes-long busy-page recordings fit. */
  bytes: 30 * 1024 * 1024,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
};

const DB_NAME = "handoff-outbox";
const STORE = "items";

let opening: Promise<IDBDatabase | null> | undefined;

/** null when IndexedDB is unavailable (blocked storage, some private modes): sending still works, just not later. */
function openDb(): Promise<IDBDatabase | null> {
  opening ||= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  return openDb().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        if (!db) return resolve(undefined);
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onerror = tx.onabort = () => reject(tx.error);
      }),
  );
}

const sizeOf = (item: OutboxItem) => JSON.stringify(item.body).length + (item.recording?.size ?? 0);

export const listOutbox = async (): Promise<OutboxItem[]> =>
  ((await run<OutboxItem[]>("readonly", (s) => s.getAll())) ?? []).sort((a, b) => a.savedAt - b.savedAt);

export const getOutboxItem = (key: string) => run<OutboxItem>("readonly", (s) => s.get(key));

export const removeFromOutbox = (key: string) =>
  run("readwrite", (s) => void s.delete(key))
    .then(() => run<number>("readonly", (s) => s.count()))
    .then((left) => left === 0 && setOutboxHint(false))
    .catch(() => undefined);

/**
 * Saves (or replaces) an item, then enforces the bounds: expired items go, then the oldest items lose their
 * recording, then the oldest items go. The item just saved is never the one dropped. Resolves false when the item
 * could not be stored at all.
 */
export async function saveToOutbox(item: OutboxItem): Promise<boolean> {
  try {
    const db = await openDb();
    if (!db) return false;
    await run("readwrite", (s) => void s.put(item));
    setOutboxHint(true);
    await enforceBounds(item);
    return true;
  } catch {
    return false; // quota exceeded or storage error: the caller still sends it now
  }
}

async function enforceBounds(item: OutboxItem): Promise<void> {
  const others = (await listOutbox()).filter((i) => i.key !== item.key);
  const now = Date.now();
  const keep: OutboxItem[] = [];
  for (const other of others) {
    if (now - other.savedAt > OUTBOX_LIMITS.maxAgeMs) await removeFromOutbox(other.key);
    else keep.push(other);
  }
  let bytes = sizeOf(item) + keep.reduce((sum, i) => sum + sizeOf(i), 0);
  for (const other of keep) {
    if (bytes <= OUTBOX_LIMITS.bytes) break;
    if (!other.recording) continue;
    bytes -= other.recording.size;
    await patch(other.key, { recording: undefined });
  }
  while (keep.length + 1 > OUTBOX_LIMITS.items || (bytes > OUTBOX_LIMITS.bytes && keep.length)) {
    const oldest = keep.shift()!;
    bytes -= sizeOf(oldest);
    await removeFromOutbox(oldest.key);
  }
}

/**
 * Read and write in one transaction: the recording (saved when compression ends) and the created ticket (saved when
 * the server answers) arrive concurrently, and two separate read-then-writes would let one erase the other.
 */
const patch = (key: string, change: Partial<OutboxItem>) =>
  run<OutboxItem | undefined>("readwrite", (s) => {
    const request = s.get(key);
    request.onsuccess = () => request.result && s.put({ ...request.result, ...change });
    return request;
  }).then((current) => current && { ...current, ...change });

/** Updates an item if it is still there (another tab may have delivered it meanwhile). */
export async function updateOutboxItem(key: string, change: Partial<OutboxItem>): Promise<void> {
  try {
    const updated = await patch(key, change);
    if (updated && change.recording) await enforceBounds(updated);
  } catch {
    /* best effort: the worst case is one more (idempotent) attempt */
  }
}
