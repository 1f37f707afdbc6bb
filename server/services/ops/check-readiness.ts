import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { BlobStore } from "../../storage/blob-store.js";

const READY_TIMEOUT_MS = 2_000;

export interface Readiness {
  db: boolean;
  storage: boolean;
}

/** Both stores a request may need, checked at once; each counts as reachable when it answers within 2 s. */
export async function checkReadiness(input: { db: Db; blobs: BlobStore }): Promise<Readiness> {
  const [db, storage] = await Promise.all([
    reachable(() => input.db.execute(sql`select 1`)),
    reachable(() => input.blobs.check()),
  ]);
  return { db, storage };
}

async function reachable(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await withTimeout(check(), READY_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
