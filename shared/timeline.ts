import { z } from "zod";

/**
 * The append-only ticket timeline. Every transition is one event; escalation metrics are computed from these.
 * `details` per type (all ids are uuids, times epoch ms unless named *At ISO strings):
 * - created: { verified, recording }
 * - triaged: { severity, tier, queue, priority, rules: [{ id, name, why }], classifier?: { queue, confidence } }
 * - assigned: { agentId, previousAgentId?, reason: "routing" | "claim" | "manual", override? } where override
 *   (AssignmentGaps: missingSkill, agentTier, ticketTier) says what a manual assignment or claim went past
 * - unassigned: { previousAgentId }
 * - escalated: { escalationId, fromTier, toTier, fromQueue, toQueue, fromAgentId, toAgentId }
 * - bounced: { escalationId, reason, toTier, toAgentId }   (the receiving side sends the handoff back)
 * - de_escalated: { fromTier, toTier, reason, toAgentId }
 * - status_changed: { from, to }   (to "resolved"/"closed" ends a ticket; from those back to "open" is a reopen)
 * - replied | note_added | customer_replied: { messageId }
 * - escalation_suggested: { reason }
 * - ping_pong: { reason, agents, escalations }
 * - feedback: { respondent: "customer" | "agent", answers }
 * - fields_changed: { severity?, queue?, tier?, priority? }   (each as { from, to })
 */
export const ticketEventTypes = [
  "created",
  "triaged",
  "assigned",
  "unassigned",
  "escalated",
  "bounced",
  "de_escalated",
  "status_changed",
  "fields_changed",
  "replied",
  "note_added",
  "customer_replied",
  "escalation_suggested",
  "ping_pong",
  "feedback",
] as const;
export type TicketEventType = (typeof ticketEventTypes)[number];

export const ticketEventSchema = z.object({
  id: z.number(),
  type: z.enum(ticketEventTypes),
  actorType: z.enum(["agent", "customer", "system"]),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;
