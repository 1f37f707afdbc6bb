import type { TicketSummary } from "../../../shared/index.js";
import { bulkSelection, selectedTicket, ticketHref, toggleBulk } from "./queue-keys.js";
import { agentName } from "../agents-directory.js";
import { FlagBadges, SeverityBadge, StatusBadge } from "../ui/badges.js";
import { Link } from "../ui/link.js";
import { RelativeTime } from "../ui/time.js";

export function TicketTable({ tickets }: { tickets: TicketSummary[] }) {
  return (
    <div class="table-wrap">
      <table class="table ticket-table">
        <caption class="visually-hidden">Tickets, highest priority first, then longest waiting</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">Selected</span>
            </th>
            <th scope="col">Ref</th>
            <th scope="col">Subject</th>
            <th scope="col">Customer</th>
            <th scope="col">Status</th>
            <th scope="col">Severity</th>
            <th scope="col">Assignee</th>
            <th scope="col">Context</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TicketRow({ ticket }: { ticket: TicketSummary }) {
  const { customer } = ticket;
  return (
    <tr data-ticket-id={ticket.id} class={selectedTicket.value === ticket.id ? "is-selected" : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${ticket.reference}`}
          checked={bulkSelection.value.includes(ticket.id)}
          onChange={() => toggleBulk(ticket.id)}
          onFocus={() => (selectedTicket.value = ticket.id)}
        />
      </td>
      <td class="mono nowrap">{ticket.reference}</td>
      <td class="ticket-table__subject">
        <Link href={ticketHref(ticket.id)} onFocus={() => (selectedTicket.value = ticket.id)}>
          {/* A right-to-left subject must not reorder the "· Tier 1 · queue" after it. */}
          <bdi>{ticket.subject || "(no subject)"}</bdi>
        </Link>
        <span class="muted small">
          {" "}
          · Tier {ticket.tier}
          {ticket.queue ? ` · ${ticket.queue}` : ""}
        </span>
      </td>
      <td>
        <div class="ticket-table__customer">
          <span class="customer-email">{customer.email}</span>
          {(customer.name || customer.company) && (
            <span class="muted small">{[customer.name, customer.company].filter(Boolean).join(" · ")}</span>
          )}
        </div>
      </td>
      <td>
        <StatusBadge status={ticket.status} />
      </td>
      <td class="nowrap">
        <SeverityBadge severity={ticket.severity} />
      </td>
      <td class="nowrap">{agentName(ticket.assigneeId) ?? <span class="muted">Unassigned</span>}</td>
      <td>
        <FlagBadges flags={ticket.flags} />
      </td>
      <td class="nowrap">
        <RelativeTime value={ticket.createdAt} />
      </td>
    </tr>
  );
}
