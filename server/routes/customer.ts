import { Hono, type Context } from "hono";
import { cors } from "../middleware/cors.js";
import {
  CUSTOMER_HEADERS,
  customerMessageCreateSchema,
  customerUpdatesQuerySchema,
} from "../../shared/customer-api.js";
import type { AppEnv } from "../env.js";
import type { CustomerActor } from "../access/actor.js";
import { readJson, validate } from "./body.js";
import { messagePageQuerySchema } from "../../shared/conversation.js";
import { ownOrigin, requestOrigin } from "../access/origin.js";
import { clientAddress, rateLimit, secretKey } from "../middleware/rate-limit.js";
import { addCustomerMessage } from "../services/customer/add-customer-message.js";
import { resolveCustomerScope } from "../access/customer-scope.js";
import { findWidgetWorkspace } from "../access/find-widget-workspace.js";
import { getCustomerConversation } from "../services/customer/get-customer-conversation.js";
import { listCustomerConversations } from "../services/customer/list-customer-conversations.js";
import { listCustomerUpdates } from "../services/customer/list-customer-updates.js";
import { idempotencyKeyOf, uuidParam } from "./params.js";
import { LIMITS } from "../../shared/limits.js";

const PATHS = ["/conversations", "/updates", "/tickets/:id/messages"];

/**
 * The customer's conversation, for the widget (contract: shared/customer-api.ts). Mounted under /api/v1/widget
 * before the ticket-creation routes; its CORS and rate limit apply to these paths only.
 */
export function customerRoutes() {
  const app = new Hono<AppEnv>();
  // Polling every few seconds from one office NAT must fit: a larger budget than ticket creation.
  const limit = rateLimit({
    layers: [
      {
        name: "customer-caller",
        limit: 120,
        windowMs: 60_000,
        key: (c) => secretKey(c.req.header(CUSTOMER_HEADERS.user) ?? c.req.header(CUSTOMER_HEADERS.customerToken)),
      },
      { name: "customer-address", limit: 1200, windowMs: 60_000, key: (c) => clientAddress(c) },
      {
        name: "customer-workspace",
        limit: 12_000,
        windowMs: 60_000,
        key: (c) => c.req.header(CUSTOMER_HEADERS.siteKey)?.slice(0, 100),
      },
    ],
  });
  for (const path of PATHS) {
    app.use(
      path,
      cors({
        origin: (origin) => origin,
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Content-Type", ...Object.values(CUSTOMER_HEADERS)],
        anyRequestHeaders: true,
        exposeHeaders: ["Retry-After", "X-Request-Id", "Idempotent-Replayed"],
        maxAge: 600,
      }),
      limit,
    );
  }

  app.get("/conversations", async (c) => {
    const actor = await customer(c);
    return c.json(await listCustomerConversations(c.get("db"), { actor }));
  });

  app.get("/updates", async (c) => {
    const { since } = validate(customerUpdatesQuerySchema, c.req.query());
    const actor = await customer(c);
    c.header("Cache-Control", "no-store");
    return c.json(await listCustomerUpdates(c.get("db"), { actor, since }));
  });

  app.get("/tickets/:id/messages", async (c) => {
    const ticketId = uuidParam(c, "id", "Conversation");
    const page = validate(messagePageQuerySchema, c.req.query());
    const actor = await customer(c);
    return c.json(await getCustomerConversation(c.get("db"), { actor, ticketId, page }));
  });

  app.post("/tickets/:id/messages", async (c) => {
    const ticketId = uuidParam(c, "id", "Conversation");
    const actor = await customer(c);
    const { body } = await readJson(c, customerMessageCreateSchema, LIMITS.messageRequestBytes);
    const idempotencyKey = idempotencyKeyOf(c);
    const { message, created } = await addCustomerMessage(c.get("db"), { actor, ticketId, body, idempotencyKey });
    if (!created) c.header("Idempotent-Replayed", "true");
    return c.json(message, 201);
  });
  return app;
}

/** Site key + allowed Origin, then who the customer is (verified identity or this browser's token). */
export async function customer(c: Context<AppEnv>): Promise<CustomerActor> {
  const workspace = await findWidgetWorkspace(c.get("db"), {
    siteKey: c.req.header(CUSTOMER_HEADERS.siteKey),
    origin: requestOrigin(c),
    ownOrigin: ownOrigin(c),
  });
  const scope = resolveCustomerScope(workspace, {
    user: c.req.header(CUSTOMER_HEADERS.user),
    customerToken: c.req.header(CUSTOMER_HEADERS.customerToken),
  });
  return { kind: "customer", workspace, scope };
}
