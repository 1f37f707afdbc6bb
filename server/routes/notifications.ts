import { Hono } from "hono";
import {
  agentNotificationPrefsSchema,
  notificationSettingsUpdateSchema,
  slackSettingsSchema,
  testEmailRequestSchema,
} from "../../shared/notifications-api.js";
import { assertAdmin } from "../access/admin-only.js";
import type { AppEnv } from "../env.js";
import { listJobIssues } from "../jobs/list-jobs.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import {
  getAgentNotificationPrefs,
  updateAgentNotificationPrefs,
} from "../services/notifications/agent-notification-prefs.js";
import { sendTestEmail } from "../services/notifications/send-test-email.js";
import { getNotificationSettings } from "../services/notifications/get-notification-settings.js";
import { updateNotificationSettings } from "../services/notifications/update-notification-settings.js";
import { readJson } from "./body.js";

/** /api/v1/notifications: settings (SMTP status, inbound secret, SSRF switch), my emails, the jobs that failed. */
export function notificationRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/settings", async (c) =>
    c.json(await getNotificationSettings(c.get("db"), c.get("config"), { actor: c.get("actor") })),
  );

  app.patch("/settings", async (c) => {
    const changes = await readJson(c, notificationSettingsUpdateSchema, 4 * 1024);
    return c.json(await updateNotificationSettings(c.get("db"), c.get("config"), { actor: c.get("actor"), changes }));
  });

  app.post("/test-email", async (c) => {
    const { to } = await readJson(c, testEmailRequestSchema, 4 * 1024);
    return c.json(await sendTestEmail(c.get("config"), { actor: c.get("actor"), to }));
  });

  app.get("/me", async (c) =>
    c.json(await getAgentNotificationPrefs(c.get("db"), c.get("config"), { actor: c.get("actor") })),
  );

  app.put("/me", async (c) => {
    const changes = await readJson(c, agentNotificationPrefsSchema, 4 * 1024);
    return c.json(await updateAgentNotificationPrefs(c.get("db"), c.get("config"), { actor: c.get("actor"), changes }));
  });

  app.get("/jobs", async (c) => {
    const actor = c.get("actor");
    assertAdmin(actor);
    return c.json(await listJobIssues(c.get("db"), c.get("dbKind"), actor.workspaceId));
  });
  return app;
}

/** /api/v1/integrations: Slack's incoming webhook per workspace. */
export function integrationRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());
  app.put("/slack", async (c) => {
    const slack = await readJson(c, slackSettingsSchema, 4 * 1024);
    const view = await updateNotificationSettings(c.get("db"), c.get("config"), {
      actor: c.get("actor"),
      changes: { slack },
    });
    return c.json(view.slack);
  });
  return app;
}
