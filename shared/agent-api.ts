import { z } from "zod";
import { LIMITS, MAX_TIER } from "./limits.js";
import { captureContextSchema, identitySchema } from "./context.js";
import { ticketEscalationStateSchema } from "./escalation-api.js";
import { triageSchema } from "./matrix.js";

export const API_PATHS = {
  login: "/api/v1/auth/login",
  logout: "/api/v1/auth/logout",
  me: "/api/v1/auth/me",
  tickets: "/api/v1/tickets",
  ticket: (id: string) => `/api/v1/tickets/${id}`,
  ticketRecording: (id: string) => `/api/v1/tickets/${id}/recording`,
  /** An agent says the security detector was wrong about this ticket (it trains the workspace's detector). */
  ticketSecurityFalseAlarm: (id: string) => `/api/v1/tickets/${id}/security-false-alarm`,
} as const;

export const ticketStatuses = ["open", "pending", "escalated", "resolved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const severities = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof severities)[number];
export const agentRoles = ["agent", "admin"] as const;
export type AgentRole = (typeof agentRoles)[number];

/** none: the customer sent no recording; pending: promised but not (yet) uploaded; stored: replayable. */
export const recordingStatuses = ["none", "pending", "stored"] as const;
export type RecordingStatus = (typeof recordingStatuses)[number];

export const loginSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1, "required").max(1024),
});
export type LoginRequest = z.infer<typeof loginSchema>;

export const agentSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(agentRoles),
  tier: z.number().int().min(1).max(MAX_TIER),
  skills: z.array(z.string()),
  /**
   * The password is temporary (generated at first start, or set by an admin): until the agent changes it, every
   * other call answers 403 password_change_required.
   */
  mustChangePassword: z.boolean().optional(),
});
export type Agent = z.infer<typeof agentSchema>;

export const ticketFlagsSchema = z.object({
  hasRecording: z.boolean(),
  rageClicks: z.boolean(),
  failedRequests: z.boolean(),
  consoleErrors: z.boolean(),
  verifiedCustomer: z.boolean(),
  /** Marked by the time triggers (too long in tier 1, or the customer keeps replying). */
  escalationSuggested: z.boolean(),
  /** Touched by too many agents or escalated repeatedly without resolution. */
  pingPong: z.boolean(),
});
export type TicketFlags = z.infer<typeof ticketFlagsSchema>;

export const customerSchema = identitySchema.omit({ userHash: true, jwt: true }).extend({
  /** The identity fields a signature (JWT, or a userHash for the id) covered; the others were only claimed. */
  verifiedFields: z.array(z.string()).optional(),
  email: z.string(),
  verified: z.boolean(),
});
export type Customer = z.infer<typeof customerSchema>;

export const ticketSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  subject: z.string(),
  customer: customerSchema,
  status: z.enum(ticketStatuses),
  severity: z.enum(severities).nullable(),
  tier: z.number().int(),
  queue: z.string().nullable(),
  priority: z.number().int(),
  assigneeId: z.uuid().nullable(),
  recordingStatus: z.enum(recordingStatuses),
  flags: ticketFlagsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const ticketListQuerySchema = z
  .object({
    status: z.enum(ticketStatuses).optional(),
    /** The queue (skill) the ticket is routed to, e.g. "billing". */
    queue: z.string().trim().min(1).max(64).optional(),
    tier: z.coerce.number().int().min(1).max(MAX_TIER).optional(),
    severity: z.enum(severities).optional(),
    /** The customer's plan as identify() reported it. */
    plan: z.string().trim().min(1).max(64).optional(),
    /** "me" (the signed-in agent), "unassigned", or an agent id. */
    assignee: z.union([z.literal("me"), z.literal("unassigned"), z.uuid("an agent id, me or unassigned")]).optional(),
    /** Free text over subject, description and messages (word prefixes), or a reference like HO-12. */
    q: z.string().trim().max(LIMITS.searchQuery).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque cursor from the previous page's nextCursor. */
    cursor: z.string().max(200).optional(),
  })
  // An unknown parameter is refused: `offset=50` or a misspelt `stauts=closed` answered the first page of everything.
  .strict();
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

export const ticketListSchema = z.object({
  /** Highest priority first, then longest waiting. */
  tickets: z.array(ticketSummarySchema),
  nextCursor: z.string().nullable(),
  /** Tickets per status under the same filters (status aside): the numbers on the status tabs. */
  counts: z.record(z.enum(ticketStatuses), z.number().int()).optional(),
});
export type TicketList = z.infer<typeof ticketListSchema>;

export const recordingInfoSchema = z.object({
  status: z.enum(recordingStatuses),
  durationMs: z.number().nullable(),
  eventCount: z.number().nullable(),
  compressedBytes: z.number().nullable(),
  startedAt: z.number().nullable(),
});
export type RecordingInfo = z.infer<typeof recordingInfoSchema>;

export const ticketDetailSchema = ticketSummarySchema.extend({
  description: z.string(),
  pageUrl: z.string(),
  pageTitle: z.string().nullable(),
  openedAt: z.number().nullable(),
  submittedAt: z.number().nullable(),
  context: captureContextSchema,
  recording: recordingInfoSchema,
  /** Which matrix rules fired and why, and the classifier's suggestion; null until triaged. */
  triage: triageSchema.nullable(),
  escalation: ticketEscalationStateSchema,
  /**
   * The customer stopped emails from a link in one: about this ticket, or from the whole workspace (the widest wins),
   * and since when; null while emails flow.
   */
  emailUnsubscribed: z.object({ scope: z.enum(["ticket", "all"]), at: z.string() }).nullable(),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;
