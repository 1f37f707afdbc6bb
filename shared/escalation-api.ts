import { z } from "zod";
import { MAX_TIER } from "./limits.js";
import { handoffFieldNames } from "./matrix.js";
import { ticketSeenSchema } from "./ticket-seen.js";

export const ESCALATION_PATHS = {
  escalations: (ticketId: string) => `/api/v1/tickets/${ticketId}/escalations`,
  bounce: (ticketId: string, escalationId: string) => `/api/v1/tickets/${ticketId}/escalations/${escalationId}/bounce`,
  similar: (ticketId: string) => `/api/v1/tickets/${ticketId}/similar`,
  matrix: "/api/v1/matrix",
  matrixVersions: "/api/v1/matrix/versions",
  /** The workspace's queues: those the matrix routes to and those agents have as skills. */
  queues: "/api/v1/matrix/queues",
  /** The escalation thresholds (45 min, 3 replies, ping-pong…): every agent reads, admins change. */
  settings: "/api/v1/matrix/settings",
  deEscalations: (ticketId: string) => `/api/v1/tickets/${ticketId}/de-escalations`,
} as const;

// trim() keeps zero-width and other format characters (U+200B, U+2060, U+FEFF...): a handoff of only those reads
// as blank to the receiving agent, so at least one character that is neither whitespace nor format is required.
const visible = /[^\s\p{Cf}]/u;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "required", abort: true }) // kept for the OpenAPI document's minLength; one issue per field
    .max(max)
    .refine((s) => visible.test(s), "required");

/** One sentence: no sentence end followed by more text ("e.g." and URLs have no space after their dots). */
const oneSentence = text(300).refine((s) => !/[.!?]\s+\S/.test(s), "keep the summary to one sentence");

export const replayMomentSchema = z.object({
  /** Milliseconds into the recording. */
  atMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  note: text(200),
});
export type ReplayMoment = z.infer<typeof replayMomentSchema>;

export const attemptedStepSchema = z.object({ action: text(500), result: text(500) });

/** The required structured handoff. Missing or empty fields are a 422 with one issue per field. */
export const escalationCreateSchema = z
  .object({
    toTier: z.number().int().min(1).max(MAX_TIER).optional(),
    toQueue: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/, "a queue name such as technical")
      .optional(),
    summary: oneSentence,
    attempted: z.array(attemptedStepSchema).min(1, "list at least one step you tried").max(20),
    /** The matrix criterion, or an explanation in words. */
    reason: text(1000),
    customerGoal: text(1000),
    replayMoments: z.array(replayMomentSchema).max(20).optional(),
    seen: ticketSeenSchema.optional(),
  })
  // An unknown field (`to_tier`, `note`) is refused, not dropped: the handoff went elsewhere than the script said.
  .strict();
export type EscalationCreate = z.infer<typeof escalationCreateSchema>;
export type EscalationCreateInput = z.input<typeof escalationCreateSchema>;

export const bounceSchema = z.object({ reason: text(1000) }).strict();
export type BounceRequest = z.infer<typeof bounceSchema>;

/** Moves a ticket down a tier (by default one) once the higher tier has done its part, e.g. a fix is deployed. */
export const deEscalationSchema = z
  .object({
    toTier: z
      .number()
      .int()
      .min(1)
      .max(MAX_TIER - 1)
      .optional(),
    reason: text(1000),
    seen: ticketSeenSchema.optional(),
  })
  .strict();
export type DeEscalation = z.infer<typeof deEscalationSchema>;

export const queueListSchema = z.object({
  queues: z.array(
    z.object({
      name: z.string(),
      agents: z.number().int(),
      /** Of those, how many at tier 1, 2 and 3: routing gives a ticket only to an agent at exactly its tier. */
      agentsByTier: z.array(z.number().int()).length(3),
      fromMatrix: z.boolean(),
    }),
  ),
});
export type QueueList = z.infer<typeof queueListSchema>;

/**
 * Who may send a handoff back: the receiving side (the ticket's assignee, the handoff's addressee, anyone at its tier
 * or above) or an admin. The server enforces it; the console offers "Send back…" only to them.
 */
export function mayBounce(
  agent: { id: string; tier: number; role: string },
  ticket: { assigneeId: string | null },
  escalation: { toTier: number; toAgentId: string | null },
): boolean {
  return (
    agent.id === ticket.assigneeId ||
    agent.id === escalation.toAgentId ||
    agent.tier >= escalation.toTier ||
    agent.role === "admin"
  );
}

const agentRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const escalationSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  fromTier: z.number().int(),
  toTier: z.number().int(),
  fromQueue: z.string().nullable(),
  toQueue: z.string().nullable(),
  fromAgent: agentRef,
  toAgent: agentRef,
  summary: z.string(),
  attempted: z.array(z.object({ action: z.string(), result: z.string() })),
  reason: z.string(),
  customerGoal: z.string(),
  replayMoments: z.array(z.object({ atMs: z.number(), note: z.string() })),
  createdAt: z.string(),
  bounce: z.object({ at: z.string(), by: agentRef, reason: z.string() }).nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;
export const escalationListSchema = z.object({ escalations: z.array(escalationSchema) });

export const similarTicketSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  subject: z.string(),
  queue: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  score: z.number(),
  /** Why it is similar: "same failing endpoint POST /api/export", "similar wording"… */
  matched: z.array(z.string()),
  /** How it was resolved: the last agent reply or note before resolution, if any. */
  resolution: z.string().nullable(),
});
export type SimilarTicket = z.infer<typeof similarTicketSchema>;
export const similarTicketsSchema = z.object({ tickets: z.array(similarTicketSchema) });

/** Escalation state on the ticket detail. */
export const ticketEscalationStateSchema = z.object({
  count: z.number().int(),
  suggestedReason: z.string().nullable(),
  pingPong: z.boolean(),
  requiredHandoffFields: z.array(z.enum(handoffFieldNames)),
});
