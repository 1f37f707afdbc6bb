import { Hono, type Context } from "hono";
import { LIMITS } from "../../shared/limits.js";
import { agentFeedbackSchema, customerFeedbackSchema } from "../../shared/metrics.js";
import type { AppEnv } from "../env.js";
import { authenticateTicketHolder, uploadTokenFromRequest } from "../access/upload-token.js";
import { parseJson, readBodyBytes, readJson } from "./body.js";
import { ownOrigin, requestOrigin } from "../access/origin.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { getFeedbackState, submitFeedback } from "../services/customer/submit-feedback.js";
import { uuidParam } from "./params.js";

/** The receiving agent's question after an escalated ticket is resolved: did the handoff have what you needed? */
export function feedbackRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/:id/feedback", sameOriginOnly(), requireAgent());
  const caller = (c: Context<AppEnv>) => c.get("actor");
  app.get("/:id/feedback", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await getFeedbackState(c.get("db"), { ticketId, caller: caller(c) }));
  });
  app.post("/:id/feedback", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const answers = await readJson(c, agentFeedbackSchema, LIMITS.feedbackBytes);
    return c.json(await submitFeedback(c.get("db"), { ticketId, caller: caller(c), answers }), 201);
  });
  return app;
}

/**
 * The customer's three questions, asked by the widget. Authorised like the recording upload: the ticket's upload token
 * (Authorization: Bearer, or ?token=) from an allowed origin. Mounted after widgetRoutes, whose CORS and rate limit apply.
 */
export function widgetFeedbackRoutes() {
  const app = new Hono<AppEnv>();
  const caller = (c: Context<AppEnv>, ticketId: string) =>
    authenticateTicketHolder(c.get("db"), {
      ticketId,
      token: uploadTokenFromRequest(c),
      origin: requestOrigin(c),
      ownOrigin: ownOrigin(c),
      purpose: "feedback",
    });
  app.get("/tickets/:id/feedback", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await getFeedbackState(c.get("db"), { ticketId, caller: await caller(c, ticketId) }));
  });
  app.post("/tickets/:id/feedback", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const holder = await caller(c, ticketId);
    // Any content type, like ticket creation: text/plain avoids a preflight.
    const answers = parseJson(
      new TextDecoder().decode(await readBodyBytes(c, LIMITS.feedbackBytes)),
      customerFeedbackSchema,
    );
    return c.json(await submitFeedback(c.get("db"), { ticketId, caller: holder, answers }), 201);
  });
  return app;
}
