/**
 * The widget's routes, headers and query parameters. Kept free of zod (imports nothing) so the widget bundle can
 * import them without pulling in the schemas.
 */
export const WIDGET_PATHS = {
  tickets: "/api/v1/widget/tickets",
  recording: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/recording`,
  // The customer's conversation (contract: customer-api.ts) and feedback (metrics.ts), zod-free for the widget.
  conversations: "/api/v1/widget/conversations",
  messages: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/messages`,
  updates: "/api/v1/widget/updates",
  feedback: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/feedback`,
} as const;

/** Headers (or, for sendBeacon which cannot set headers, query parameters) the widget sends. */
export const WIDGET_HEADERS = {
  siteKey: "X-Handoff-Key",
  idempotencyKey: "Idempotency-Key",
  /** A random token the widget keeps per browser (localStorage): an anonymous customer sees only its own tickets. */
  customerToken: "X-Handoff-Customer",
  /** base64url of the identify() JSON `{"id","userHash"}`: a verified customer sees their tickets on any device. */
  user: "X-Handoff-User",
} as const;

export const WIDGET_QUERY = {
  siteKey: "key",
  idempotencyKey: "idempotencyKey",
  uploadToken: "token",
  customerToken: "customer",
} as const;
