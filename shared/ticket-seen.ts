import { z } from "zod";
import { MAX_TIER } from "./limits.js";

/**
 * What the agent saw when they started an action (the values on their screen). When the ticket has changed since
 * (another agent claimed, escalated or closed it), the action is refused with 409 and nothing is saved, instead of
 * overwriting a change the agent never saw. Optional: without it the action applies to the ticket as it is now.
 */
export const ticketSeenSchema = z
  .object({
    tier: z.number().int().min(1).max(MAX_TIER),
    queue: z.string().max(64).nullable(),
    status: z.string().max(20),
    assigneeId: z.uuid().nullable(),
  })
  .partial()
  .strict();
export type TicketSeen = z.infer<typeof ticketSeenSchema>;
