import { useEffect, useState } from "preact/hooks";
import { gapLabels, type AssignmentGaps, type TicketEvent } from "../../../shared/index.js";
import { agentName } from "../agents-directory.js";
import { api, isAbort } from "../api.js";
import { formatDateTime } from "../ui/format.js";
import { Section } from "../ui/section.js";
import { RelativeTime } from "../ui/time.js";

/** Who did what to the ticket; reloaded whenever the ticket changes (its updatedAt). */
export function ActivitySection({ ticketId, version }: { ticketId: string; version: string }) {
  const [events, setEvents] = useState<TicketEvent[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.listEvents(ticketId, controller.signal).then(setEvents, (error) => {
      if (!isAbort(error)) setEvents((current) => current ?? []);
    });
    return () => controller.abort();
  }, [ticketId, version]);
  if (!events) return null;
  return (
    <Section id="activity" title="Activity" count={events.length} empty="Nothing has happened yet.">
      <ol class="activity">
        {events.map((event) => (
          <li key={event.id} class="activity__item">
            <span>{describe(event)}</span>{" "}
            <span class="muted small" title={formatDateTime(event.at)}>
              <RelativeTime value={event.at} />
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function describe(event: TicketEvent): string {
  const who =
    event.actorType === "customer"
      ? "The customer"
      : event.actorType === "system"
        ? "Handoff"
        : (event.actorName ?? "An agent");
  const d = event.details as Record<string, unknown>;
  switch (event.type) {
    case "created":
      return "The customer filed the ticket";
    case "assigned": {
      const action =
        d.reason === "claim"
          ? `${who} claimed it`
          : `${who} assigned it to ${agentName(String(d.agentId)) ?? "an agent"}`;
      const gaps = gapLabels(d.override as AssignmentGaps | undefined);
      return gaps.length ? `${action}, overriding routing (${gaps.join(", ")})` : action;
    }
    case "unassigned":
      return `${who} unassigned it`;
    case "status_changed":
      return `${who} changed the status from ${String(d.from)} to ${String(d.to)}`;
    case "fields_changed":
      return `${who} changed ${Object.entries(d)
        .map(([field, change]) => `${field} to ${String((change as { to?: unknown })?.to ?? "none")}`)
        .join(", ")}`;
    case "replied":
      return `${who} replied to the customer`;
    case "note_added":
      return `${who} added an internal note`;
    case "customer_replied":
      return "The customer replied";
    case "triaged": {
      const rules = Array.isArray(d.rules) ? (d.rules as { name: string }[]).map((r) => r.name).join("; ") : "";
      return `${d.reevaluated ? "Matrix rules fired later" : "Triaged"}: tier ${String(d.tier)}, ${String(d.queue)}, ${String(d.severity)}${rules ? ` (${rules})` : ""}`;
    }
    case "escalated":
      return `${who} escalated it from tier ${String(d.fromTier)} to tier ${String(d.toTier)}`;
    case "bounced":
      return `${who} sent the handoff back: ${String(d.reason)}`;
    case "de_escalated":
      return `${who} moved it down from tier ${String(d.fromTier)} to tier ${String(d.toTier)}: ${String(d.reason ?? "")}`;
    case "escalation_suggested":
      return `Escalation suggested: ${String(d.reason)}`;
    case "ping_pong":
      return `Flagged as ping-pong: ${String(d.reason)}`;
    default:
      return `${who}: ${event.type.replace(/_/g, " ")}`;
  }
}
