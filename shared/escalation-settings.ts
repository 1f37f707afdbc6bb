import { z } from "zod";

/** The numbers of the escalation workflow; each workspace may change them (stored in workspaces.settings.escalation). */
export const escalationSettingsSchema = z.object({
  /** A tier-1 ticket without agent activity for this long is marked "escalation suggested". */
  tier1MinutesWithoutProgress: z.number().int().min(1).max(10_080).default(45),
  /** ...and so is one with this many customer replies since the last agent reply. */
  customerRepliesBeforeSuggest: z.number().int().min(1).max(100).default(3),
  /** Ping-pong: this many distinct agents touched the ticket (were assigned it or worked on it; assigning is not touching)... */
  pingPongAgents: z.number().int().min(2).max(50).default(3),
  /** ...or it was escalated this many times without being resolved. */
  pingPongEscalations: z.number().int().min(2).max(50).default(2),
  /** Below this confidence the classifier's queue is not used and the ticket stays in triage. */
  classifierMinConfidence: z.number().min(0.5).max(1).default(0.7),
  /** The classifier speaks only after learning from this many resolved tickets (0: the shipped starter model routes from day one). */
  classifierMinExamples: z.number().int().min(0).max(10_000).default(0),
});
export type EscalationSettings = z.infer<typeof escalationSettingsSchema>;

/** Workspace settings as stored may be partial or outdated: unknown or invalid values fall back to the defaults. */
export function readEscalationSettings(settings: Record<string, unknown> | null | undefined): EscalationSettings {
  const stored = settings?.escalation;
  const parsed = escalationSettingsSchema.safeParse(typeof stored === "object" && stored !== null ? stored : {});
  return parsed.success ? parsed.data : escalationSettingsSchema.parse({});
}

/** PUT body: every number (a missing one goes back to its default); unknown keys are refused. */
export const escalationSettingsUpdateSchema = escalationSettingsSchema.strict();
export type EscalationSettingsUpdate = z.input<typeof escalationSettingsUpdateSchema>;
