import { Hono } from "hono";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { AppEnv } from "./env.js";
import { handleError, handleNotFound } from "./middleware/errors.js";
import { requestId } from "./middleware/request-id.js";
import { agentRoutes } from "./routes/agents.js";
import { authRoutes } from "./routes/auth.js";
import { escalationRoutes } from "./routes/escalations.js";
import { matrixRoutes } from "./routes/matrix.js";
import { customerRoutes } from "./routes/customer.js";
import { demoApiRoutes } from "./routes/demo-api.js";
import { healthRoutes } from "./routes/health.js";
import { metricsRoutes } from "./routes/metrics.js";
import { integrationRoutes, notificationRoutes } from "./routes/notifications.js";
import { inboundRoutes } from "./routes/notifications-inbound.js";
import { webhookRoutes } from "./routes/notifications-webhooks.js";
import { exportRoutes } from "./routes/exports.js";
import { feedbackRoutes, widgetFeedbackRoutes } from "./routes/feedback.js";
import { staticRoutes } from "./routes/static.js";
import { ticketRoutes } from "./routes/tickets.js";
import { widgetRoutes } from "./routes/widget.js";
import { workspaceRoutes } from "./routes/workspace.js";

/** The whole HTTP surface. Tests call it with app.request(); main.ts serves it. */
export function createApp(deps: { database: Database; config: Config }) {
  const app = new Hono<AppEnv>();
  app.use("*", requestId(), async function inject(c, next) {
    c.set("db", deps.database.db);
    c.set("dbKind", deps.database.kind);
    c.set("config", deps.config);
    await next();
  });
  app.onError(handleError);
  app.notFound(handleNotFound);

  app.route("/", healthRoutes);
  // Before widgetRoutes: the conversation paths answer with their own CORS and rate limit.
  app.route("/api/v1/widget", customerRoutes());
  app.route("/api/v1/widget", widgetRoutes());
  // After widgetRoutes: its CORS and rate limit (use "*") run first for the feedback route too.
  app.route("/api/v1/widget", widgetFeedbackRoutes());
  app.route("/api/v1/auth", authRoutes());
  app.route("/api/v1/tickets", feedbackRoutes());
  app.route("/api/v1/tickets", ticketRoutes());
  app.route("/api/v1/tickets", escalationRoutes());
  app.route("/api/v1/matrix", matrixRoutes());
  app.route("/api/v1/metrics", metricsRoutes());
  app.route("/api/v1/exports", exportRoutes());
  app.route("/api/v1/agents", agentRoutes());
  app.route("/api/v1/workspace", workspaceRoutes());
  app.route("/api/v1/webhooks", webhookRoutes());
  app.route("/api/v1/notifications", notificationRoutes());
  app.route("/api/v1/integrations", integrationRoutes());
  app.route("/api/v1/inbound", inboundRoutes());
  app.route("/demo/api", demoApiRoutes());
  app.route("/", staticRoutes());
  return app;
}
