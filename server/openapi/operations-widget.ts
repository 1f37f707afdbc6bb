import { z } from "zod";
import type { Operation } from "./operation.js";
import {
  customerConversationListSchema,
  customerConversationSchema,
  customerMessageCreateSchema,
  customerMessageSchema,
  customerUpdatesQuerySchema,
  customerUpdatesSchema,
} from "../../shared/customer-api.js";
import { customerLiveEventSchema } from "../../shared/events-api.js";
import { messagePageQuerySchema } from "../../shared/conversation.js";
import { customerFeedbackSchema, feedbackStateSchema } from "../../shared/metrics.js";
import { ticketCreatedSchema, ticketCreateSchema } from "../../shared/widget-api.js";

const _ok = z.object({ ok: z.literal(true) }).optional();
const _read = "tickets:read" as const;
const _write = "tickets:write" as const;

/** The widget, from customers' sites (site key + Origin, customer token or verified user). */
export const WIDGET_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/widget/tickets",
    tag: "Widget",
    summary: "File a ticket with its captured context",
    auth: "widget",
    body: ticketCreateSchema,
    status: 201,
    response: ticketCreatedSchema,
  },
  {
    method: "put",
    path: "/api/v1/widget/tickets/:id/recording",
    tag: "Widget",
    summary: "Upload the ticket's recording (gzip of rrweb events)",
    auth: "upload",
    requestType: "application/gzip",
    status: 204,
  },
  {
    method: "get",
    path: "/api/v1/widget/conversations",
    tag: "Widget",
    summary: "The customer's conversations",
    auth: "widget",
    response: customerConversationListSchema,
  },
  {
    method: "get",
    path: "/api/v1/widget/updates",
    tag: "Widget",
    summary: "New public messages and status changes since a cursor (the polling fallback)",
    auth: "widget",
    query: customerUpdatesQuerySchema,
    response: customerUpdatesSchema,
  },
  {
    method: "get",
    path: "/api/v1/widget/tickets/:id/messages",
    tag: "Widget",
    summary: "One conversation: its newest page of messages, older pages with ?before=olderCursor",
    auth: "widget",
    query: messagePageQuerySchema,
    response: customerConversationSchema,
  },
  {
    method: "post",
    path: "/api/v1/widget/tickets/:id/messages",
    tag: "Widget",
    summary: "The customer replies",
    auth: "widget",
    body: customerMessageCreateSchema,
    status: 201,
    response: customerMessageSchema,
    errors: [409],
    description:
      "Send an `Idempotency-Key` header (one per composed reply, the same on every retry): the reply sent again answers with the original message and `Idempotent-Replayed: true`; the key reused for other words is 409.",
  },
  {
    method: "get",
    path: "/api/v1/widget/tickets/:id/feedback",
    tag: "Widget",
    summary: "Whether the customer may answer the feedback questions",
    auth: "upload",
    response: feedbackStateSchema,
  },
  {
    method: "post",
    path: "/api/v1/widget/tickets/:id/feedback",
    tag: "Widget",
    summary: "The customer's feedback on a resolved ticket",
    auth: "upload",
    body: customerFeedbackSchema,
    status: 201,
    response: feedbackStateSchema,
  },
  {
    method: "get",
    path: "/api/v1/widget/events",
    tag: "Live",
    summary: "Live updates of the customer's own tickets (server-sent events)",
    auth: "widget",
    responseType: "text/event-stream",
    response: customerLiveEventSchema,
    description:
      "Each event's `data:` is the schema shown. Resume with `Last-Event-ID`. 429 when too many streams are open.",
  },
];
