import { Hono } from "hono";
import { ticketListQuerySchema } from "../../shared/agent-api.js";
import type { AppEnv } from "../env.js";
import { readJson, validate } from "./body.js";
import { agentMessageCreateSchema, messagePageQuerySchema, ticketUpdateSchema } from "../../shared/conversation.js";
import { addAgentMessage } from "../services/tickets/add-agent-message.js";
import { listTicketEvents } from "../services/tickets/list-ticket-events.js";
import { listTicketMessages } from "../services/tickets/list-ticket-messages.js";
import { updateTicket } from "../services/tickets/update-ticket.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { getTicket } from "../services/tickets/get-ticket.js";
import { listTickets } from "../services/tickets/list-tickets.js";
import { REPLAY_POLICY_HEADER, replayPolicyFor } from "../access/replay-asset-policy.js";
import { loadRecording } from "../services/recordings/load-recording.js";
import { idempotencyKeyOf, singleQuery, uuidParam } from "./params.js";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { LIMITS } from "../../shared/limits.js";

export function ticketRoutes() {
  const app = new Hono<AppEnv>();
  app.use("*", sameOriginOnly(), requireAgent());

  app.get("/", async (c) => {
    const query = validate(ticketListQuerySchema, singleQuery(c));
    return c.json(await listTickets(c.get("db"), { actor: c.get("actor"), query }));
  });

  app.get("/:id", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await getTicket(c.get("db"), { actor: c.get("actor"), ticketId }));
  });

  app.patch("/:id", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const changes = await readJson(c, ticketUpdateSchema, 16 * 1024);
    return c.json(await updateTicket(c.get("db"), { actor: c.get("actor"), ticketId, changes }));
  });

  app.get("/:id/messages", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const page = validate(messagePageQuerySchema, singleQuery(c));
    return c.json(await listTicketMessages(c.get("db"), { actor: c.get("actor"), ticketId, page }));
  });

  app.get("/:id/events", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await listTicketEvents(c.get("db"), { actor: c.get("actor"), ticketId }));
  });

  app.post("/:id/messages", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const message = await readJson(c, agentMessageCreateSchema, LIMITS.messageRequestBytes);
    const idempotencyKey = idempotencyKeyOf(c);
    const added = await addAgentMessage(c.get("db"), { actor: c.get("actor"), ticketId, message, idempotencyKey });
    if (!added.created) c.header("Idempotent-Replayed", "true");
    return c.json(added.message, 201);
  });

  // The rrweb events as JSON. Stored gzip is sent as is when the client accepts gzip (every browser does).
  app.get("/:id/recording", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const actor = c.get("actor");
    const stored = await loadRecording(c.get("db"), c.get("blobs"), { actor, ticketId });
    c.header(REPLAY_POLICY_HEADER, await replayPolicyFor(c.get("db"), { workspaceId: actor.workspaceId }));
    const gzip = Buffer.isBuffer(stored) ? Readable.from([stored]) : stored;
    c.header("Content-Type", "application/json");
    c.header("Cache-Control", "private, max-age=3600");
    c.header("Vary", "Accept-Encoding");
    c.header("X-Content-Type-Options", "nosniff");
    const gzipped = /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    if (gzipped) c.header("Content-Encoding", "gzip");
    // Streamed from the blob store: a recording is never held whole in this process to be served.
    return c.body(Readable.toWeb(gzipped ? gzip : gzip.pipe(createGunzip())) as ReadableStream);
  });
  return app;
}
