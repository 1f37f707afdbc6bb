import { afterAll, beforeAll } from "vitest";
import type { Database, DbKind } from "../../server/db/client.js";
import { agentClient, type AgentClient } from "./agent-client.js";
import { freshDatabase } from "./databases.js";
import { createTestApp, type TestApp } from "./test-app.js";

export interface AdminApp {
  database: Database;
  t: TestApp;
  admin: AgentClient;
}

/**
 * The app on a fresh database of this kind with the bootstrapped admin logged in, for one describe block: `use` hands
 * them to the block's variables before its tests run; the database is closed after them.
 */
export function withAdminApp(kind: DbKind, use: (app: AdminApp) => void) {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const t = await createTestApp(database);
    use({ database, t, admin: agentClient(t, await t.login()) });
  });
  afterAll(() => database?.close());
}
