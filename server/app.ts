import { Hono } from "hono";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { AppEnv } from "./env.js";
import { handleError, handleNotFound, notFoundFor } from "./middleware/errors.js";
import { requestId } from "./middleware/request-id.js";
import { settleBackground } from "./middleware/settle-background.js";
import { observeRequests } from "./middleware/observe-requests.js";
import { forgetSiteKeysOnWorkspaceChange } from "./access/site-key-cache.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { agentRoutes } from "./routes/agents.js";
import { authRoutes } from "./routes/auth.js";
import { eventRoutes } from "./routes/events.js";
import { tokenRoutes } from "./routes/tokens.js";
import { openApiRoutes } from "./routes/openapi.js";
import { escalationRoutes } from "./routes/escalations.js";
import { routingRoutes } from "./routes/routing.js";
import { matrixRoutes } from "./routes/matrix.js";
import { customerRoutes } from "./routes/customer.js";
import { demoApiRoutes } from "./routes/demo-api.js";
import { healthRoutes } from "./routes/health.js";
import { metricsRoutes } from "./routes/metrics.js";
import { integrationRoutes, notificationRoutes } from "./routes/notifications.js";
import { inboundRoutes } from "./routes/notifications-inbound.js";
import { webhookRoutes } from "./routes/notifications-webhooks.js";
import { emailFeedbackRoutes } from "./routes/email-feedback.js";
import { unsubscribeRoutes } from "./routes/email-unsubscribe.js";
import { exportRoutes } from "./routes/exports.js";
import { feedbackRoutes, widgetFeedbackRoutes } from "./routes/feedback.js";
import { staticRoutes } from "./routes/static.js";
import { ticketRoutes } from "./routes/tickets.js";
import { widgetRoutes } from "./routes/widget.js";
import { workspaceRoutes } from "./routes/workspace.js";
import { privacyRoutes, ticketDeletionRoutes } from "./routes/privacy.js";
import { agentAttachmentRoutes, widgetAttachmentRoutes } from "./routes/attachments.js";
import type { BlobStore } from "./storage/blob-store.js";
import { postgresBlobStore } from "./storage/postgres-store.js";

/** The whole HTTP surface. Tests call it with app.request(); main.ts serves it. */
export function createApp(deps: { database: Database; config: Config; blobs?: BlobStore }) {
  const app = new Hono<AppEnv>();
  const blobs = deps.blobs ?? postgresBlobStore(deps.database.db);
  app.use("*", requestId(), securityHeaders(deps.config), observeRequests(), async function inject(c, next) {
    c.set("db", deps.database.db);
    c.set("dbKind", deps.database.kind);
    c.set("config", deps.config);
    c.set("blobs", blobs);
    await next();
  });
  app.use("*", settleBackground(), forgetSiteKeysOnWorkspaceChange());
  app.onError(handleError);
  app.notFound(notFoundFor(app));

  app.route("/", healthRoutes);
  const events = eventRoutes();
  app.route("/api/v1/widget/events", events.widgetApp);
  app.route("/api/v1/events", events.agentApp);
  // Before widgetRoutes: the conversation paths answer with their own CORS and rate limit.
  app.route("/api/v1/widget", customerRoutes());
  app.route("/api/v1/widget", widgetAttachmentRoutes());
  app.route("/api/v1/widget", widgetRoutes());
  // After widgetRoutes: its CORS and rate limit (use "*") run first for the feedback route too.
  app.route("/api/v1/widget", widgetFeedbackRoutes());
  app.route("/api/v1/auth", authRoutes());
  app.route("/api/v1/tickets", agentAttachmentRoutes());
  app.route("/api/v1/tickets", ticketDeletionRoutes());
  app.route("/api/v1/tickets", feedbackRoutes());
  app.route("/api/v1/tickets", ticketRoutes());
  app.route("/api/v1/tickets", escalationRoutes());
  app.route("/api/v1/tickets", routingRoutes());
  app.route("/api/v1/matrix", matrixRoutes());
  app.route("/api/v1/metrics", metricsRoutes());
  app.route("/api/v1/exports", exportRoutes());
  app.route("/api/v1/agents", agentRoutes());
  app.route("/api/v1/workspace", workspaceRoutes());
  app.route("/api/v1/tokens", tokenRoutes());
  app.route("/", openApiRoutes());
  app.route("/api/v1/privacy", privacyRoutes());
  if (deps.config.demo) app.route("/demo/api", demoApiRoutes());
  else {
    // Without the demo nothing under /demo answers: it signs users with a workspace's identity secret.
    app.get("/", (c) => c.redirect("/console/"));
    app.all("/demo", handleNotFound);
    app.all("/demo/*", handleNotFound);
  }
  app.route("/api/v1/webhooks", webhookRoutes());
  app.route("/api/v1/notifications", notificationRoutes());
  app.route("/api/v1/integrations", integrationRoutes());
  app.route("/api/v1/inbound", inboundRoutes());
  app.route("/email/unsubscribe", unsubscribeRoutes());
  app.route("/email/feedback", emailFeedbackRoutes());
  app.route("/", staticRoutes());
  return app;
}
