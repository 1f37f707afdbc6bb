import { useEffect, useState } from "preact/hooks";
import {
  assignmentGaps,
  gapLabels,
  severities,
  ticketStatuses,
  type Severity,
  type TicketStatus,
} from "../../../shared/index.js";
import { agentName, agentsDirectory, loadAgents } from "../agents-directory.js";
import { session } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { capitalize } from "../ui/format.js";
import { loadQueues, queueNames } from "../escalation/workspace-queues.js";
import { announce } from "../keyboard/announcer.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { StatusPicker } from "./status-picker.js";
import { AssigneePicker } from "./assignee-picker.js";
import type { TicketModel } from "./ticket-model.js";

/** Claim or assign, and change status, severity and queue; each change is saved at once and lands on the timeline. */
export function TicketActions({ model }: { model: TicketModel }) {
  useEffect(() => {
    void loadAgents();
    void loadQueues();
  }, []);
  const ticket = model.ticket.value;
  const me = session.value.kind === "signed-in" ? session.value.agent : null;
  const [picking, setPicking] = useState(false);
  const assignToMe = async () => {
    if (!me || !ticket) return;
    if (ticket.assigneeId === me.id) return announce("Already assigned to you");
    // `a` is one keystroke: taking a ticket routing would not give you (a tier-2 escalation, another queue) asks
    // first, as the assignee picker does for anyone else.
    const gaps = gapLabels(assignmentGaps(agentsDirectory.value.find((a) => a.id === me.id) ?? me, ticket));
    const holder = agentName(ticket.assigneeId);
    if (
      gaps.length &&
      !window.confirm(
        `Take ${ticket.reference}${holder ? ` from ${holder}` : ""} anyway? ${gaps.join(", ")}: routing would not pick you. The override is recorded on the ticket.`,
      )
    )
      return announce("Not assigned");
    await model.update({ assigneeId: me.id });
    announce(model.actionError.value ? "Not assigned: the change was not saved" : "Assigned to you");
    // Claim goes away once the ticket is yours: the keyboard that pressed it lands on the assignee, now you.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.getElementById("ticket-assignee")?.focus();
    });
  };
  useShortcuts({ a: () => void assignToMe(), s: () => setPicking(true) });
  if (!ticket) return null;
  const disabled = model.saving.value;
  const agents = agentsDirectory.value.filter((a) => a.active || a.id === ticket.assigneeId);
  const queues = queueNames(ticket.queue);

  return (
    <>
      <fieldset class="ticket-actions bare-fieldset">
        <legend class="visually-hidden">Ticket actions</legend>
        {me && ticket.assigneeId !== me.id && (
          <button
            type="button"
            class="button button--primary"
            disabled={disabled}
            aria-keyshortcuts="a"
            onClick={() => void assignToMe()}
          >
            Claim
          </button>
        )}
        <AssigneePicker
          ticket={ticket}
          agents={agents}
          disabled={disabled}
          onAssign={(assigneeId) => void model.update({ assigneeId })}
        />
        <label>
          Status
          <select
            aria-keyshortcuts="s"
            value={ticket.status}
            disabled={disabled}
            onChange={(e) => void model.update({ status: e.currentTarget.value as Exclude<TicketStatus, "escalated"> })}
          >
            {ticketStatuses.map((s) => (
              // Escalating needs the escalation workflow's handoff note; the status only shows when it is current.
              <option
                key={s}
                value={s}
                disabled={s === "escalated"}
                hidden={s === "escalated" && ticket.status !== "escalated"}
              >
                {capitalize(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select
            value={ticket.severity ?? ""}
            disabled={disabled}
            onChange={(e) => void model.update({ severity: (e.currentTarget.value || null) as Severity | null })}
          >
            <option value="">Not triaged</option>
            {severities.map((s) => (
              <option key={s} value={s}>
                {capitalize(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Queue
          <select
            value={ticket.queue ?? ""}
            disabled={disabled}
            onChange={(e) => void model.update({ queue: e.currentTarget.value || null })}
          >
            <option value="">Unrouted</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {capitalize(q)}
              </option>
            ))}
          </select>
        </label>
        {model.actionError.value && <ErrorNotice error={model.actionError.value} title="Not saved" />}
      </fieldset>
      {/* Outside the fieldset: a dialog of its own, not one of the ticket's inline controls. */}
      <StatusPicker model={model} open={picking} onClose={() => setPicking(false)} />
    </>
  );
}
