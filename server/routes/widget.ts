import { Hono } from "hono";
import { cors } from "../middleware/cors.js";
import { LIMITS } from "../../shared/limits.js";
import { ticketCreateSchema, WIDGET_HEADERS, WIDGET_QUERY } from "../../shared/widget-api.js";
import type { AppEnv } from "../env.js";
import { parseJson, readBodyBytes } from "./body.js";
import { ownOrigin } from "../access/origin.js";
import { clientAddress, rateLimit, secretKey } from "../middleware/rate-limit.js";
import { createTicket } from "../services/customer/create-ticket.js";
import { findWidgetWorkspace } from "../access/find-widget-workspace.js";
import { storeRecording } from "../services/recordings/store-recording.js";
import { createUploadSlots } from "../services/recordings/upload-slots.js";
import { ServiceError } from "../services/service-error.js";
import { uuidParam } from "./params.js";
import { authenticateTicketHolder, uploadTokenFromRequest } from "../access/upload-token.js";

/** Public routes called by the widget from customers' sites: site key + Origin, CORS, rate-limited per address. */
export function widgetRoutes() {
  const app = new Hono<AppEnv>();
  let slots: ReturnType<typeof createUploadSlots> | undefined;
  app.use(
    "*",
    // Reflect the origin on every answer (errors included) so the widget can read why it failed;
    // the Origin itself is enforced per workspace in the services.
    cors({
      origin: (origin) => origin,
      allowMethods: ["POST", "PUT", "OPTIONS"],
      allowHeaders: ["Content-Type", "Content-Encoding", "Authorization", ...Object.values(WIDGET_HEADERS)],
      anyRequestHeaders: true,
      exposeHeaders: ["Retry-After", "X-Request-Id", "Idempotent-Replayed"],
      maxAge: 600,
    }),
  );
  // Layered: one customer's browser is held tightly, an office behind one NAT gets room for its people, and rotating
  // tokens buys nothing against the per-address and per-workspace ceilings.
  app.use(
    "*",
    rateLimit({
      layers: [
        {
          name: "widget-customer",
          limit: 30,
          windowMs: 60_000,
          key: (c) =>
            secretKey(
              c.req.header(WIDGET_HEADERS.customerToken) ??
                c.req.query(WIDGET_QUERY.customerToken) ??
                uploadTokenFromRequest(c),
            ),
        },
        { name: "widget-address", limit: 300, windowMs: 60_000, key: (c) => clientAddress(c) },
        {
          name: "widget-workspace",
          limit: 3000,
          windowMs: 60_000,
          key: (c) => (c.req.header(WIDGET_HEADERS.siteKey) ?? c.req.query(WIDGET_QUERY.siteKey))?.slice(0, 100),
        },
      ],
    }),
  );

  app.post("/tickets", async (c) => {
    const siteKey = c.req.header(WIDGET_HEADERS.siteKey) ?? c.req.query(WIDGET_QUERY.siteKey);
    const idempotencyKey = (
      c.req.header(WIDGET_HEADERS.idempotencyKey) ?? c.req.query(WIDGET_QUERY.idempotencyKey)
    )?.slice(0, 200);
    const db = c.get("db");
    const workspace = await findWidgetWorkspace(db, {
      siteKey,
      origin: c.req.header("origin"),
      ownOrigin: ownOrigin(c),
    });
    c.set("workspaceId", workspace.id);
    // Any content type: sendBeacon can only send text/plain without a preflight.
    const rawBody = new TextDecoder().decode(await readBodyBytes(c, LIMITS.ticketBytes));
    const body = parseJson(rawBody, ticketCreateSchema);
    const customerToken = (
      c.req.header(WIDGET_HEADERS.customerToken) ?? c.req.query(WIDGET_QUERY.customerToken)
    )?.slice(0, 200);
    const result = await createTicket(db, { workspace, body, rawBody, idempotencyKey, customerToken });
    if (!result.created) c.header("Idempotent-Replayed", "true");
    const { id, reference, uploadToken, identityWarning } = result;
    return c.json({ id, reference, uploadToken, ...(identityWarning && { identityWarning }) }, 201);
  });

  app.put("/tickets/:id/recording", async (c) => {
    const ticketId = uuidParam(c, "id", "Ticket");
    // Ticket, token and Origin are checked before a byte of the body is read.
    const holder = await authenticateTicketHolder(c.get("db"), {
      ticketId,
      token: uploadTokenFromRequest(c),
      origin: c.req.header("origin"),
      ownOrigin: ownOrigin(c),
      purpose: "recording",
    });
    const declared = c.req.header("content-length");
    const length = declared && /^\d+$/.test(declared) ? Number(declared) : undefined;
    if (length !== undefined && length > LIMITS.recordingCompressedBytes) {
      throw new ServiceError("payload_too_large", "The recording is larger than the upload limit");
    }
    slots ??= createUploadSlots(c.get("config").uploadConcurrency);
    const release = slots.acquire();
    try {
      const { replayed } = await storeRecording(c.get("db"), {
        holder,
        body: c.req.raw.body,
        length,
        blobs: c.get("blobs"),
      });
      if (replayed) c.header("Idempotent-Replayed", "true");
    } finally {
      release();
    }
    return c.body(null, 204);
  });
  return app;
}
