import {
  TRIAGE_QUEUE,
  assignmentGaps,
  gapLabels,
  type AgentListItem,
  type TicketDetail,
} from "../../../shared/index.js";

type Candidate = { agent: AgentListItem; gaps: string[] };

/**
 * The assignee select. Agents routing would pick (the queue's skill, the ticket's tier or above) come first; the
 * others follow, marked with what they lack, and choosing one asks first: a lead may override routing, knowingly.
 */
export function AssigneePicker({
  ticket,
  agents,
  disabled,
  onAssign,
}: {
  ticket: Pick<TicketDetail, "assigneeId" | "queue" | "tier">;
  agents: AgentListItem[];
  disabled: boolean;
  onAssign: (assigneeId: string | null) => void;
}) {
  const { fit, others } = rankAgents(agents, ticket);
  const option = ({ agent, gaps }: Candidate) => (
    <option key={agent.id} value={agent.id}>
      {agent.name} (tier {agent.tier}){gaps.length ? ` — ${gaps.join(", ")}` : ""}
    </option>
  );
  const onChange = (select: HTMLSelectElement) => {
    const chosen = others.find((c) => c.agent.id === select.value);
    if (chosen && !window.confirm(overrideQuestion(chosen))) {
      select.value = ticket.assigneeId ?? "";
      return;
    }
    onAssign(select.value || null);
  };
  return (
    <label>
      Assignee
      <select
        id="ticket-assignee"
        value={ticket.assigneeId ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget)}
      >
        <option value="">Unassigned</option>
        {ticket.assigneeId && !agents.some((a) => a.id === ticket.assigneeId && a.active) && (
          <option value={ticket.assigneeId}>{absentName(agents, ticket.assigneeId)}</option>
        )}
        {others.length === 0 ? (
          fit.map(option)
        ) : (
          <>
            <optgroup label={fitLabel(ticket)}>{fit.map(option)}</optgroup>
            <optgroup label="Others (routing would not pick them)">{others.map(option)}</optgroup>
          </>
        )}
      </select>
    </label>
  );
}

/** Fitting agents first, each group in the directory's order. */
export function rankAgents(agents: AgentListItem[], ticket: Pick<TicketDetail, "queue" | "tier">) {
  const fit: Candidate[] = [];
  const others: Candidate[] = [];
  for (const agent of agents) {
    // A deactivated agent cannot log in: nobody may hand them a ticket.
    if (!agent.active) continue;
    const gaps = gapLabels(assignmentGaps(agent, ticket));
    (gaps.length ? others : fit).push({ agent, gaps });
  }
  return { fit, others };
}

/** The current assignee when they are no longer offered: deactivated, or not in the directory at all. */
function absentName(agents: AgentListItem[], id: string): string {
  const agent = agents.find((a) => a.id === id);
  return agent ? `${agent.name} (deactivated)` : "Unknown agent";
}

const fitLabel = (ticket: Pick<TicketDetail, "queue" | "tier">) =>
  `${ticket.queue && ticket.queue !== TRIAGE_QUEUE ? `${ticket.queue} skill, ` : ""}tier ${ticket.tier} or above`;

export const overrideQuestion = ({ agent, gaps }: Candidate) =>
  `Assign to ${agent.name} anyway? ${gaps.join(", ")}: routing would not pick them. The override is recorded on the ticket.`;
