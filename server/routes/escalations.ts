import { Hono } from "hono";
import { bounceSchema, deEscalationSchema, escalationCreateSchema } from "../../shared/escalation-api.js";
import type { AppEnv } from "../env.js";
import { readJson } from "./body.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { bounceEscalation } from "../services/escalation/bounce-escalation.js";
import { deEscalateTicket } from "../services/escalation/de-escalate-ticket.js";
import { escalateTicket } from "../services/escalation/escalate-ticket.js";
import { findSimilarTickets } from "../services/routing/find-similar-tickets.js";
import { listEscalations } from "../services/escalation/list-escalations.js";
import { uuidParam } from "./params.js";

const MAX_BODY = 64 * 1024;

/** Handoffs of a ticket, bounces, and similar resolved tickets; mounted under /api/v1/tickets. */
export function escalationRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/:id/escalations", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const escalations = await listEscalations(c.get("db"), { actor: c.get("actor"), ticketId });
    return c.json({ escalations });
  });

  app.post("/:id/escalations", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const body = await readJson(c, escalationCreateSchema, MAX_BODY);
    return c.json(await escalateTicket(c.get("db"), { actor: c.get("actor"), ticketId, body }), 201);
  });

  app.post("/:id/escalations/:escalationId/bounce", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const escalationId = uuidParam(c, "escalationId", "Escalation");
    const { reason } = await readJson(c, bounceSchema, MAX_BODY);
    return c.json(await bounceEscalation(c.get("db"), { actor: c.get("actor"), ticketId, escalationId, reason }));
  });

  app.post("/:id/de-escalations", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const body = await readJson(c, deEscalationSchema, MAX_BODY);
    return c.json(await deEscalateTicket(c.get("db"), { actor: c.get("actor"), ticketId, body }));
  });

  app.get("/:id/similar", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const tickets = await findSimilarTickets(c.get("db"), { actor: c.get("actor"), ticketId });
    return c.json({ tickets });
  });
  return app;
}
