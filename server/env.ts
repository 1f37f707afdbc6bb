import type { Config } from "./config.js";
import type { Db, DbKind } from "./db/client.js";
import type { AgentActor } from "./access/actor.js";
import type { BlobStore } from "./storage/blob-store.js";

/** What every request handler can read from the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    db: Db;
    dbKind: DbKind;
    config: Config;
    /** Recordings and attachments (server/storage). */
    blobs: BlobStore;
    /** Set by requireAgent: the agent (or API token) calling, in the one shape agent-side services take. */
    actor: AgentActor;
    /** Set by the widget routes once the site key is known: logs and metrics carry it. */
    workspaceId?: string;
  };
}
