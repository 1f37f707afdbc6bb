/**
 * One valid request per agent/admin operation that takes a JSON body or a query, keyed `${METHOD} ${path}` as in the
 * OpenAPI list, for the deep fuzz (tests/integration/agent-api-deep-fuzz.test.ts): it mutates one field of these at a
 * time, so the handlers' own logic runs, not only the schema's. `read` is the GET that must still answer 200 after a
 * mutated request was accepted (what was stored stays readable).
 */
export interface FuzzIds {
  ticketId: string;
  /** Escalated once, for the escalation routes (tier climbs as mutations succeed). */
  escalatedTicketId: string;
  escalationId: string;
  agentId: string;
  webhookId: string;
  matrixVersion: number;
  otherWorkspaceTicketId: string;
  otherWorkspaceAgentId: string;
  deletedTicketId: string;
}

export interface Example {
  path: (ids: FuzzIds) => string;
  body?: (ids: FuzzIds) => Record<string, unknown>;
  query?: (ids: FuzzIds) => Record<string, string>;
  read: (ids: FuzzIds) => string;
}

let serial = 0;
/** Creations must not collide with the previous accepted one (a 409 would hide the rest of the handler). */
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

const handoff = {
  summary: "Export fails for the customer on the reports page",
  attempted: [{ action: "Cleared the cache", result: "Still failing" }],
  reason: "Needs an engineer to read the server logs",
  customerGoal: "Export the monthly report",
  replayMoments: [{ atMs: 1000, note: "Clicks Export" }],
};
const rule = {
  id: "billing-words",
  name: "Billing words",
  enabled: true,
  when: { keywordsAny: ["invoice", "refund"], severityIn: ["high"] },
  then: { queue: "billing", tier: 2, priority: 1, requiredHandoffFields: ["customerGoal"] },
};

export const EXAMPLES: Record<string, Example> = {
  "GET /api/v1/tickets": {
    path: () => "/api/v1/tickets",
    query: (ids) => ({
      status: "open",
      queue: "technical",
      tier: "1",
      severity: "high",
      plan: "pro",
      assignee: ids.agentId,
      q: "export",
      limit: "10",
      cursor: "",
    }),
    read: () => "/api/v1/tickets",
  },
  "PATCH /api/v1/tickets/:id": {
    path: (ids) => `/api/v1/tickets/${ids.ticketId}`,
    body: (ids) => ({ status: "pending", severity: "high", queue: "technical", assigneeId: ids.agentId, seen: {} }),
    read: (ids) => `/api/v1/tickets/${ids.ticketId}`,
  },
  "GET /api/v1/tickets/:id/messages": {
    path: (ids) => `/api/v1/tickets/${ids.ticketId}/messages`,
    query: () => ({ before: "" }),
    read: (ids) => `/api/v1/tickets/${ids.ticketId}/messages`,
  },
  "POST /api/v1/tickets/:id/messages": {
    path: (ids) => `/api/v1/tickets/${ids.ticketId}/messages`,
    body: () => ({ body: "Could you try again now?", internal: false, lastSeenMessageId: null }),
    read: (ids) => `/api/v1/tickets/${ids.ticketId}/messages`,
  },
  "POST /api/v1/tickets/:id/feedback": {
    path: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/feedback`,
    body: () => ({ handoffHadWhatWasNeeded: false, missing: "The customer's plan" }),
    read: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/feedback`,
  },
  "POST /api/v1/tickets/:id/escalations": {
    path: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/escalations`,
    body: () => ({ toTier: 2, toQueue: "technical", ...handoff, seen: {} }),
    read: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/escalations`,
  },
  "POST /api/v1/tickets/:id/escalations/:escalationId/bounce": {
    path: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/escalations/${ids.escalationId}/bounce`,
    body: () => ({ reason: "The handoff note misses the steps tried" }),
    read: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/escalations`,
  },
  "POST /api/v1/tickets/:id/de-escalations": {
    path: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}/de-escalations`,
    body: () => ({ toTier: 1, reason: "The fix is deployed", seen: {} }),
    read: (ids) => `/api/v1/tickets/${ids.escalatedTicketId}`,
  },
  "PUT /api/v1/matrix": {
    path: () => "/api/v1/matrix",
    body: (ids) => ({ baseVersion: ids.matrixVersion, rules: [rule] }),
    read: () => "/api/v1/matrix",
  },
  "PUT /api/v1/matrix/settings": {
    path: () => "/api/v1/matrix/settings",
    body: () => ({
      tier1MinutesWithoutProgress: 45,
      customerRepliesBeforeSuggest: 3,
      pingPongAgents: 3,
      pingPongEscalations: 2,
      classifierMinConfidence: 0.7,
      classifierMinExamples: 0,
    }),
    read: () => "/api/v1/matrix/settings",
  },
  "GET /api/v1/metrics/escalations": {
    path: () => "/api/v1/metrics/escalations",
    query: (ids) => ({
      from: "2026-01-01",
      to: "2026-12-31",
      queue: "technical",
      agent: ids.agentId,
      plan: "pro",
      tz: "Europe/Berlin",
      groupBy: "week",
    }),
    read: () => "/api/v1/metrics/escalations",
  },
  "GET /api/v1/metrics/escalations/tickets": {
    path: () => "/api/v1/metrics/escalations/tickets",
    query: () => ({
      from: "2026-01-01",
      to: "2026-12-31",
      week: "2026-11-30",
      tz: "UTC",
      metric: "escalated",
      value: "x",
      limit: "20",
      cursor: "",
    }),
    read: () => "/api/v1/metrics/escalations",
  },
  "GET /api/v1/metrics/insights": {
    path: () => "/api/v1/metrics/insights",
    query: () => ({
      from: "2026-01-01T00:00:00Z",
      to: "2026-12-31T00:00:00+02:00",
      queue: "none",
      agent: "none",
      plan: "none",
      tz: "America/New_York",
    }),
    read: () => "/api/v1/metrics/insights",
  },
  "GET /api/v1/exports/escalation-audit.csv": {
    path: () => "/api/v1/exports/escalation-audit.csv",
    query: () => ({ from: "2026-01-01", to: "2026-12-31", week: "2026-11-30", tz: "Asia/Kolkata" }),
    read: () => "/api/v1/metrics/insights",
  },
  "POST /api/v1/agents": {
    path: () => "/api/v1/agents",
    body: () => ({
      email: `sam-${unique()}@example.com`,
      name: "Sam Tier",
      password: "a long enough password",
      temporaryPassword: false,
      role: "agent",
      tier: 2,
      skills: ["technical", "billing"],
    }),
    read: () => "/api/v1/agents",
  },
  "PATCH /api/v1/agents/:id": {
    path: (ids) => `/api/v1/agents/${ids.agentId}`,
    body: () => ({ name: "Robin Agent", tier: 2, skills: ["technical"], available: true, active: true }),
    read: () => "/api/v1/agents",
  },
  "PATCH /api/v1/workspace": {
    path: () => "/api/v1/workspace",
    body: () => ({ name: "Acme support", allowedOrigins: ["https://app.customer.example", "http://localhost:3000"] }),
    read: () => "/api/v1/workspace",
  },
  "POST /api/v1/workspace/site-keys": {
    path: () => "/api/v1/workspace/site-keys",
    body: () => ({ label: `Staging ${unique()}` }),
    read: () => "/api/v1/workspace",
  },
  "POST /api/v1/tokens": {
    path: () => "/api/v1/tokens",
    body: () => ({ name: `CI ${unique()}`, scopes: ["tickets:read", "metrics:read"] }),
    read: () => "/api/v1/tokens",
  },
  "POST /api/v1/webhooks": {
    path: () => "/api/v1/webhooks",
    body: () => ({
      url: "https://hooks.example.com/handoff",
      events: ["ticket.created", "ticket.escalated"],
      description: "CRM",
    }),
    read: () => "/api/v1/webhooks",
  },
  "PATCH /api/v1/webhooks/:id": {
    path: (ids) => `/api/v1/webhooks/${ids.webhookId}`,
    body: () => ({
      url: "https://hooks.example.com/v2",
      events: ["ticket.resolved"],
      description: null,
      enabled: true,
      rotateSecret: false,
    }),
    read: () => "/api/v1/webhooks",
  },
  "PATCH /api/v1/notifications/settings": {
    path: () => "/api/v1/notifications/settings",
    body: () => ({ allowPrivateTargets: false, rotateInboundSecret: false }),
    read: () => "/api/v1/notifications/settings",
  },
  "PUT /api/v1/notifications/me": {
    path: () => "/api/v1/notifications/me",
    body: () => ({ emailEnabled: true, email: { assigned: true, escalated: false } }),
    read: () => "/api/v1/notifications/me",
  },
  "POST /api/v1/notifications/test-email": {
    path: () => "/api/v1/notifications/test-email",
    body: () => ({ to: "ops@example.com" }),
    read: () => "/api/v1/notifications/settings",
  },
  "PUT /api/v1/integrations/slack": {
    path: () => "/api/v1/integrations/slack",
    body: () => ({
      webhookUrl: "https://hooks.slack.com/services/T0/B0/x",
      events: ["ticket.escalated"],
      queues: [
        { queue: "billing", webhookUrl: "https://hooks.slack.com/services/T0/B1/y", events: ["ticket.critical"] },
      ],
    }),
    read: () => "/api/v1/notifications/settings",
  },
  "PUT /api/v1/privacy/retention": {
    path: () => "/api/v1/privacy/retention",
    body: () => ({ recordingDays: 90, anonymiseClosedAfterDays: 365 }),
    read: () => "/api/v1/privacy/retention",
  },
  "POST /api/v1/privacy/erase": {
    path: () => "/api/v1/privacy/erase",
    body: () => ({ email: "nobody-here@example.com", customerId: "user-404" }),
    read: () => "/api/v1/privacy/audit",
  },
  "POST /api/v1/privacy/export": {
    path: () => "/api/v1/privacy/export",
    body: () => ({ email: "jamie@northwind.example", customerId: "acc_42" }),
    read: () => "/api/v1/privacy/audit",
  },
};
