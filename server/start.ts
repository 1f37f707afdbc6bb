import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { startJobs } from "./jobs/start-jobs.js";
import { serverTasks } from "./jobs/tasks.js";
import { startInboundSmtp } from "./services/notifications/start-inbound-smtp.js";
import { startMetricsRefresher } from "./services/metrics/metrics-refresher.js";
import { startTimeTriggerScheduler } from "./services/escalation/time-trigger-scheduler.js";
import { ensureDemoWorkspace, type EnsureDemoWorkspaceResult } from "./services/workspace/ensure-demo-workspace.js";

export interface RunningServer {
  url: string;
  bootstrap: EnsureDemoWorkspaceResult;
  dbKind: "pglite" | "postgres";
  /** For tests and seeds that need to write directly. */
  database: Database;
  close(): Promise<void>;
}

/** Opens the database, migrates, bootstraps the demo workspace and listens. Returns its teardown. */
export async function startServer(
  config: Config,
  options: { inMemory?: boolean; host?: string } = {},
): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
  });
  const host = options.host ?? config.host;
  const server = serve({ fetch: createApp({ database, config }).fetch, port: config.port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const url = config.publicUrl ?? `http://${shownHost}:${port}`;
  const ownOrigins = [...new Set([url, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  const bootstrap = await ensureDemoWorkspace(database.db, {
    siteKey: config.demoSiteKey,
    allowedOrigins: [...ownOrigins, ...config.allowedOrigins],
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  const stopTimeTriggers = startTimeTriggerScheduler(database.db);
  const stopMetricsRefresher = startMetricsRefresher(database.db);
  const stopJobs = await startJobs({ database, config, tasks: serverTasks });
  const inboundPort = config.notifications.inboundSmtpPort;
  const inboundSmtp =
    inboundPort === undefined ? undefined : await startInboundSmtp(database.db, { port: inboundPort });
  return {
    url,
    bootstrap,
    dbKind: database.kind,
    database,
    async close() {
      await stopTimeTriggers();
      await stopMetricsRefresher();
      await stopJobs();
      await inboundSmtp?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await database.close();
    },
  };
}
