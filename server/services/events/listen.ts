import type { Db, DbKind } from "../../db/client.js";

export type Unlisten = () => Promise<void>;

/** The driver clients' LISTEN, as both drivers expose it on drizzle's $client. */
interface PostgresJsClient {
  listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
}
interface PgliteClient {
  listen(channel: string, fn: (payload: string) => void): Promise<(() => Promise<void>) | undefined>;
}

/**
 * LISTEN on the database behind `db`: postgres.js keeps a dedicated connection (and re-listens after it drops);
 * PGlite delivers notifications raised by its single connection. Only a wake-up: the feed is the truth.
 */
export async function listen(db: Db, kind: DbKind, channel: string, fn: (payload: string) => void): Promise<Unlisten> {
  const client = (db as Db & { $client: unknown }).$client;
  if (kind === "postgres") {
    const { unlisten } = await (client as PostgresJsClient).listen(channel, fn);
    return unlisten;
  }
  const unlisten = await (client as PgliteClient).listen(channel, fn);
  return async () => unlisten?.();
}
