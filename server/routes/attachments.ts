import { Readable } from "node:stream";
import { type Context, Hono } from "hono";
import { cors } from "../middleware/cors.js";
import { ATTACHMENT_FILENAME_PARAM, ATTACHMENT_POSITION_PARAM, type Attachment } from "../../shared/attachments.js";
import { CUSTOMER_HEADERS } from "../../shared/customer-api.js";
import { ownOrigin, requestOrigin } from "../access/origin.js";
import { type WidgetCaller, widgetTicketAccess } from "../access/widget-ticket-access.js";
import type { AppEnv } from "../env.js";
import { requireAgent, sameOriginOnly } from "../middleware/agent-auth.js";
import { clientAddress, rateLimit } from "../middleware/rate-limit.js";
import { listAttachments } from "../services/attachments/list-attachments.js";
import { openAttachment } from "../services/attachments/open-attachment.js";
import { storeAttachment } from "../services/attachments/store-attachment.js";
import { ServiceError } from "../services/service-error.js";
import { findTicket } from "../services/tickets/workspace-ticket.js";
import { uuidParam } from "./params.js";

/** The agent's side, under /api/v1/tickets: attach in a reply, list, and open (images inline, the rest downloads). */
export function agentAttachmentRoutes() {
  const app = new Hono<AppEnv>();
  app.use("/:id/attachments/*", sameOriginOnly(), requireAgent());
  app.use("/:id/attachments", sameOriginOnly(), requireAgent());

  app.post("/:id/attachments", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const agent = c.get("actor");
    const body = requestBody(c);
    const attachment = await storeAttachment(c.get("db"), c.get("blobs"), {
      workspaceId: agent.workspaceId,
      ticketId: (await ticketOfAgent(c, ticketId)).ticketId,
      author: { type: "agent", agentId: agent.id },
      ...upload(c),
      body,
    });
    return c.json(attachment, 201);
  });

  app.get("/:id/attachments", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    return c.json(await listAttachments(c.get("db"), await ticketOfAgent(c, ticketId)));
  });

  app.get("/:id/attachments/:attachmentId", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    const attachmentId = uuidParam(c, "attachmentId", "Attachment");
    const opened = await openAttachment(c.get("db"), c.get("blobs"), {
      ...(await ticketOfAgent(c, ticketId)),
      attachmentId,
    });
    return serve(c, opened.attachment, opened.body);
  });
  return app;
}

/** The customer's side, under /api/v1/widget: attach while filing (upload token) or in the conversation. */
export function widgetAttachmentRoutes() {
  const app = new Hono<AppEnv>();
  const paths = ["/tickets/:id/attachments", "/tickets/:id/attachments/:attachmentId"];
  for (const path of paths) {
    app.use(
      path,
      cors({
        origin: (origin) => origin,
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Content-Type", "Authorization", ...Object.values(CUSTOMER_HEADERS)],
        anyRequestHeaders: true,
        exposeHeaders: ["Retry-After", "X-Request-Id", "Content-Disposition"],
        maxAge: 600,
      }),
      rateLimit({ layers: [{ name: "attachments", limit: 120, windowMs: 60_000, key: (c) => clientAddress(c) }] }),
    );
  }

  app.post("/tickets/:id/attachments", async (c) => {
    const input = widgetAccessInput(c);
    const access = await widgetTicketAccess(c.get("db"), input);
    const attachment = await storeAttachment(c.get("db"), c.get("blobs"), {
      ...access,
      author: { type: "customer" },
      ...upload(c),
      // Only the form's files (upload token) come in parallel; the conversation attaches one at a time.
      position: input.caller.kind === "upload" ? pickPosition(c) : undefined,
      body: requestBody(c),
    });
    return c.json(attachment, 201);
  });

  app.get("/tickets/:id/attachments", async (c) => {
    return c.json(await listAttachments(c.get("db"), await widgetTicketAccess(c.get("db"), widgetAccessInput(c))));
  });

  app.get("/tickets/:id/attachments/:attachmentId", async (c) => {
    const access = await widgetTicketAccess(c.get("db"), widgetAccessInput(c));
    const attachmentId = uuidParam(c, "attachmentId", "Attachment");
    const opened = await openAttachment(c.get("db"), c.get("blobs"), { ...access, attachmentId });
    return serve(c, opened.attachment, opened.body);
  });
  return app;
}

async function ticketOfAgent(c: Context<AppEnv>, ticketId: string) {
  const ticket = await findTicket(c.get("db"), c.get("actor").workspaceId, ticketId);
  return { workspaceId: ticket.workspaceId, ticketId: ticket.id };
}

function widgetAccessInput(c: Context<AppEnv>) {
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  const caller: WidgetCaller = bearer
    ? { kind: "upload", uploadToken: bearer }
    : {
        kind: "customer",
        siteKey: c.req.header(CUSTOMER_HEADERS.siteKey),
        user: c.req.header(CUSTOMER_HEADERS.user),
        customerToken: c.req.header(CUSTOMER_HEADERS.customerToken),
      };
  return { ticketId: uuidParam(c, "id", "Conversation"), caller, origin: requestOrigin(c), ownOrigin: ownOrigin(c) };
}

function upload(c: Context<AppEnv>) {
  const declared = Number(c.req.header("content-length"));
  return {
    filename: c.req.query(ATTACHMENT_FILENAME_PARAM),
    contentType: c.req.header("content-type"),
    declaredBytes: Number.isFinite(declared) ? declared : undefined,
  };
}

/** The file's place in the customer's pick; a value that is not one is refused rather than guessed. */
function pickPosition(c: Context<AppEnv>): number | undefined {
  const raw = c.req.query(ATTACHMENT_POSITION_PARAM);
  if (raw === undefined) return undefined;
  const position = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || !Number.isSafeInteger(position)) {
    throw new ServiceError("bad_request", `${ATTACHMENT_POSITION_PARAM} must be a whole number from 0 to 9999`);
  }
  return position;
}

function requestBody(c: Context<AppEnv>): Readable {
  const stream = c.req.raw.body;
  if (!stream) throw new ServiceError("bad_request", "The file is empty");
  return Readable.fromWeb(stream as import("node:stream/web").ReadableStream);
}

/** Never executed on our origin: nosniff, a sandboxing CSP, and only known image types inline. */
function serve(c: Context<AppEnv>, attachment: Attachment, body: Readable) {
  const disposition = attachment.inline ? "inline" : "attachment";
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  c.header("Content-Type", attachment.inline ? attachment.contentType : "application/octet-stream");
  c.header(
    "Content-Disposition",
    `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
  );
  c.header("Content-Length", String(attachment.size));
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
  c.header("Cache-Control", "private, max-age=3600");
  return c.body(Readable.toWeb(body) as ReadableStream);
}
