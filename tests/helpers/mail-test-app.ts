import type { DbKind } from "../../server/db/client.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import {
  loadNotificationConfig,
  type NotificationConfig,
} from "../../server/services/notifications/notification-config.js";
import { freshDatabaseWithUrl } from "./notify-databases.js";
import { startSmtpSink } from "./smtp-sink.js";
import { createTestApp } from "./test-app.js";

/**
 * The app on a fresh database with SMTP pointed at a real SMTP server of the test's own (the sink) and the job
 * workers running, as mail goes out in production. Each part's teardown goes on `cleanups`, newest last.
 */
export async function startMailTestApp(
  kind: DbKind,
  cleanups: Array<() => Promise<void>>,
  notifications: Partial<NotificationConfig> = {},
) {
  const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
  cleanups.push(() => database.close());
  const sink = await startSmtpSink();
  cleanups.push(sink.close);
  const t = await createTestApp(database, {
    databaseUrl,
    notifications: {
      ...loadNotificationConfig({}),
      smtpUrl: sink.url,
      mailFrom: "support@acme.example",
      ...notifications,
    },
  });
  cleanups.push(await startJobs({ database, config: t.config, tasks: serverTasks }));
  return { t, sink, database };
}
