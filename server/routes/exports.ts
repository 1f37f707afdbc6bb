import { Hono } from "hono";
import { metricsFilterSchema } from "../../shared/metrics.js";
import type { AppEnv } from "../env.js";
import { validate } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { exportEscalationAudit } from "../services/escalation/export-escalation-audit.js";

export function exportRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  /** Same period and filters as the metrics; streamed. */
  app.get("/escalation-audit.csv", async (c) => {
    const query = validate(metricsFilterSchema, c.req.query());
    const stream = await exportEscalationAudit(c.get("db"), { actor: c.get("actor"), query });
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="escalation-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    c.header("Cache-Control", "no-store");
    return c.body(stream);
  });
  return app;
}
