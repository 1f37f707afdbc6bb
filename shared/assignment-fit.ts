import { TRIAGE_QUEUE } from "./matrix.js";

/**
 * Whether an agent fits a ticket as routing would pick them: the ticket's queue as a skill, and at least its tier.
 * A lead may still assign anyone (an override, as with Zendesk's skills-based routing); the console marks and
 * confirms it, and the timeline's `assigned` event records what was overridden.
 */
export interface AssignmentGaps {
  /** The queue the agent has no skill for. */
  missingSkill?: string;
  /** The agent's tier, when below the ticket's. */
  agentTier?: number;
  ticketTier?: number;
}

export function assignmentGaps(
  agent: { skills: string[]; tier: number },
  ticket: { queue: string | null; tier: number },
): AssignmentGaps | null {
  const gaps: AssignmentGaps = {};
  if (ticket.queue && ticket.queue !== TRIAGE_QUEUE && !agent.skills.includes(ticket.queue))
    gaps.missingSkill = ticket.queue;
  if (agent.tier < ticket.tier) Object.assign(gaps, { agentTier: agent.tier, ticketTier: ticket.tier });
  return Object.keys(gaps).length ? gaps : null;
}

/** "no billing skill", "tier 1 (ticket tier 2)": how the console and the timeline name the gaps. */
export function gapLabels(gaps: AssignmentGaps | null | undefined): string[] {
  if (!gaps) return [];
  return [
    ...(gaps.missingSkill ? [`no ${gaps.missingSkill} skill`] : []),
    ...(gaps.agentTier !== undefined ? [`tier ${gaps.agentTier} (ticket tier ${gaps.ticketTier})`] : []),
  ];
}
