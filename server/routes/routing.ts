import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { markSecurityFalseAlarm } from "../services/routing/mark-security-false-alarm.js";
import { uuidParam } from "./params.js";

/** Agents correcting the routing model; mounted under /api/v1/tickets. */
export function routingRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());
  app.post("/:id/security-false-alarm", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await markSecurityFalseAlarm(c.get("db"), { actor: c.get("actor"), ticketId }));
  });
  return app;
}
