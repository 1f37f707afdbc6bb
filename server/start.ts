import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { startJobs } from "./jobs/start-jobs.js";
import { serverTasks } from "./jobs/tasks.js";
import { startInboundSmtp } from "./services/notifications/start-inbound-smtp.js";
import { startMetricsRefresher } from "./services/metrics/metrics-refresher.js";
import { startTriageSweeper } from "./services/routing/triage-sweeper.js";
import { startOutboxSweeper } from "./services/notifications/flush-notification-outbox.js";
import { background } from "./lib/background.js";
import { lifecycle, startDraining } from "./observability/lifecycle.js";
import { registerDatabaseMetrics } from "./observability/db-metrics.js";
import { startTimeTriggerScheduler } from "./services/escalation/time-trigger-scheduler.js";
import { startRetentionScheduler } from "./services/privacy/run-retention-sweep.js";
import { openBlobStore } from "./storage/open-blob-store.js";
import { checkBucketSettings } from "./storage/check-bucket-settings.js";
import { logger } from "./observability/logger.js";
import type { BlobStore } from "./storage/blob-store.js";
import { bootstrapInstall, type BootstrapResult } from "./services/workspace/bootstrap-install.js";

export interface RunningServer {
  url: string;
  bootstrap: BootstrapResult;
  dbKind: "pglite" | "postgres";
  /** For tests and seeds that need to write directly. */
  database: Database;
  blobs: BlobStore;
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
    poolSize: config.dbPoolSize,
    prepare: config.dbPrepare,
  });
  const blobs = openBlobStore(config.storage, {
    db: database.db,
    dataDir: options.inMemory ? undefined : config.dataDir,
    sharedDatabase: database.kind === "postgres",
  });
  if (blobs.kind === "s3" && config.storage.s3) {
    const warning = await checkBucketSettings(blobs, config.storage.s3).catch(async (error: unknown) => {
      await blobs.close();
      await database.close();
      throw error;
    });
    if (warning) logger.warn(`blob storage unreachable at start: ${warning}`);
  }
  registerDatabaseMetrics(database, database.kind === "postgres" ? config.dbPoolSize : 1);
  lifecycle.draining = false;
  lifecycle.starting = true;
  const host = options.host ?? config.host;
  // An HTTP/1.1 server (the adapter's default): typed as such for its connection-closing methods.
  const server = serve({
    fetch: createApp({ database, config, blobs }).fetch,
    port: config.port,
    hostname: host,
  }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
  } catch (error) {
    // The port is taken: the database (and the embedded one's lock) is let go before the error travels on.
    await blobs.close();
    await database.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const url = config.publicUrl ?? `http://${shownHost}:${port}`;
  const ownOrigins = [...new Set([url, `http://localhost:${port}`, `http://127.0.0.1:${port}`])];
  const bootstrap = await bootstrapInstall(database.db, {
    siteKey: config.siteKey,
    demoSiteKey: config.demo ? config.demoSiteKey : undefined,
    allowedOrigins: [...ownOrigins, ...config.allowedOrigins],
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  const stopTimeTriggers = startTimeTriggerScheduler(database.db, { intervalMs: config.timeTriggerIntervalMs });
  const stopMetricsRefresher = startMetricsRefresher(database.db);
  const stopRetention = startRetentionScheduler(database.db, blobs);
  const stopTriageSweeper = startTriageSweeper(database.db);
  const stopOutboxSweeper = startOutboxSweeper(database.db);
  const stopJobs = await startJobs({ database, config, tasks: serverTasks });
  const inboundPort = config.notifications.inboundSmtpPort;
  const inboundSmtp =
    inboundPort === undefined ? undefined : await startInboundSmtp(database.db, { port: inboundPort, blobs });
  lifecycle.starting = false;
  return {
    url,
    bootstrap,
    dbKind: database.kind,
    database,
    blobs,
    /**
     * Graceful: not ready, live streams end (their clients reconnect elsewhere), no new connections, requests in
     * flight finish (up to shutdownGraceMs), then the rest.
     */
    async close() {
      startDraining();
      await stopTimeTriggers();
      await stopMetricsRefresher();
      await stopRetention();
      await stopTriageSweeper();
      await stopJobs();
      await inboundSmtp?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        const forced = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
        forced.unref();
        server.closeIdleConnections();
      });
      await background.settled();
      // After the requests: the outbox flushes they started finish before the pool closes.
      await stopOutboxSweeper();
      await blobs.close();
      await database.close();
    },
  };
}
