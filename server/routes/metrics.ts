import { Hono } from "hono";
import { drilldownQuerySchema, metricsFilterSchema, metricsQuerySchema } from "../../shared/metrics.js";
import type { AppEnv } from "../env.js";
import { validate } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { getEscalationInsights } from "../services/metrics/get-escalation-insights.js";
import { getEscalationMetrics } from "../services/metrics/get-escalation-metrics.js";
import { listMetricTickets } from "../services/metrics/list-metric-tickets.js";

/** Escalation metrics for the agent's workspace: numbers, the tickets behind each, anomalies and product signals. */
export function metricsRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/escalations", async (c) => {
    const query = validate(metricsQuerySchema, c.req.query());
    return c.json(await getEscalationMetrics(c.get("db"), { actor: c.get("actor"), query }));
  });

  app.get("/escalations/tickets", async (c) => {
    const query = validate(drilldownQuerySchema, c.req.query());
    return c.json(await listMetricTickets(c.get("db"), { actor: c.get("actor"), query }));
  });

  app.get("/insights", async (c) => {
    const query = validate(metricsFilterSchema, c.req.query());
    return c.json(await getEscalationInsights(c.get("db"), { actor: c.get("actor"), query }));
  });
  return app;
}
