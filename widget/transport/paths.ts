/**
 * Copies of WIDGET_PATHS / WIDGET_HEADERS / WIDGET_QUERY from shared/widget-api.ts. That module defines zod schemas
 * at load time, and importing it would pull zod into the widget bundle; tests/unit/widget-transport.test.ts checks
 * these stay equal to the shared ones.
 */
export const PATHS = {
  tickets: "/api/v1/widget/tickets",
  recording: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/recording`,
} as const;
export const HEADERS = { siteKey: "X-Handoff-Key", idempotencyKey: "Idempotency-Key", customerToken: "X-Handoff-Customer" } as const;
export const QUERY = { siteKey: "key", idempotencyKey: "idempotencyKey", uploadToken: "token", customerToken: "customer" } as const;
