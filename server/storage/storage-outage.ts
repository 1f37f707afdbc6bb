import type { BlobStore } from "./blob-store.js";

/** The blob store could not be reached (refused, timed out, answered 5xx): the request may succeed a little later. */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Blob storage cannot be reached", { cause });
    this.name = "StorageUnavailableError";
  }
  /** What the log names (ECONNREFUSED, SlowDown…): the cause, never its request or credentials. */
  get reason(): string {
    const cause = this.cause as { code?: unknown; name?: unknown } | undefined;
    return String(cause?.code ?? cause?.name ?? "unknown");
  }
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ENOSPC",
]);

/** A failure of the store itself (network, the service's 5xx, a full disk), not of the request that used it. */
export function isStorageOutage(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e instanceof StorageUnavailableError) return true;
    if (typeof e.code === "string" && UNREACHABLE.has(e.code)) return true;
    const status = (e.$metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode;
    if (typeof status === "number" && status >= 500) return true;
    if (e.name === "TimeoutError") return true;
    // The bucket went away under a running server (deleted, renamed): the operator's to fix, the files to keep.
    if (e.name === "NoSuchBucket") return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}

/**
 * The store, with its outages thrown as StorageUnavailableError: the API answers them 503 with Retry-After (the
 * widget keeps the recording and sends it again), not 500 "something went wrong".
 */
export function reportingOutages(store: BlobStore): BlobStore {
  const typed = <T>(call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      throw isStorageOutage(error) && !(error instanceof StorageUnavailableError)
        ? new StorageUnavailableError(error)
        : error;
    });
  return {
    kind: store.kind,
    put: (key, body, contentType, length) => typed(store.put(key, body, contentType, length)),
    get: (key) => typed(store.get(key)),
    delete: (key) => typed(store.delete(key)),
    list: (prefix) => typed(store.list(prefix)),
    ...(store.inTransaction && { inTransaction: (tx) => reportingOutages(store.inTransaction!(tx)) }),
    check: () => store.check(),
    close: () => store.close(),
  };
}
