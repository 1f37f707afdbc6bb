import { useEffect, useMemo } from "preact/hooks";
import type { TicketDetail } from "../../../shared/index.js";
import type { ApiError } from "../api.js";
import { createReplayModel } from "../replay/replay-model.js";
import { ReplayPanel } from "../replay/replay-panel.js";
import { ReplayTimeline } from "../replay/replay-timeline.js";
import { agentName } from "../agents-directory.js";
import { createConversationModel } from "./conversation-model.js";
import { ConversationPanel } from "./conversation-panel.js";
import { AttachmentsPanel } from "./attachments-panel.js";
import { DeleteTicketButton } from "./delete-ticket-button.js";
import { TicketActions } from "./ticket-actions.js";
import { ActivitySection } from "./activity-section.js";
import { HandoffFeedback } from "./handoff-feedback.js";
import type { TicketModel } from "./ticket-model.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { queueHref, returnToQueue, selectedTicket } from "../queue/queue-keys.js";
import { SeverityBadge, StatusBadge } from "../ui/badges.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { Link } from "../ui/link.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { RelativeTime } from "../ui/time.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { ClicksSection } from "./clicks-section.js";
import { ConsoleSection } from "./console-section.js";
import { NavigationSection } from "./navigation-section.js";
import { NetworkSection } from "./network-section.js";
import { CustomerPanel, DetailsPanel, EnvironmentPanel, MetadataPanel, PagePanel } from "./side-panels.js";
import { createTicketModel, sentAt } from "./ticket-model.js";
import { EscalationArea, SimilarTickets, TriagePanel } from "../escalation/escalation-area.js";

export function TicketScreen({ id }: { id: string }) {
  const model = useMemo(() => createTicketModel(id), [id]);
  useEffect(() => model.start(), [model]);
  useEffect(() => {
    selectedTicket.value = id;
  }, [id]);
  useShortcuts({ Escape: () => returnToQueue(id) });
  const ticket = model.ticket.value;
  const error = model.error.value;
  useDocumentTitle(ticket ? `${ticket.reference} ${ticket.subject}` : "Ticket");

  return (
    <section class="screen" aria-labelledby="screen-title">
      <p class="breadcrumb">
        <Link href={queueHref()} aria-keyshortcuts="Escape">
          ← Tickets
        </Link>
      </p>
      {error && (
        <>
          <ScreenHeading id="screen-title">
            {isMissing(error) ? "Ticket not found" : "Couldn't load ticket"}
          </ScreenHeading>
          <ErrorNotice error={error} onRetry={isMissing(error) ? undefined : () => void model.load()} />
        </>
      )}
      {!error && !ticket && (
        <p class="placeholder" role="status">
          Loading ticket…
        </p>
      )}
      {ticket && <TicketView key={ticket.id} ticket={ticket} model={model} />}
    </section>
  );
}

/** How long after creation a promised recording counts as "uploading" rather than missing. */
const UPLOAD_GRACE_MS = 2 * 60_000;

/** A malformed id in a pasted link is as missing as an unknown one. */
function isMissing(error: ApiError): boolean {
  return error.status === 404 || error.status === 400 || error.status === 422;
}

function TicketView({ ticket, model }: { ticket: TicketDetail; model: TicketModel }) {
  // A new model once the recording arrives (pending -> stored), so the player mounts.
  const replay = useMemo(() => createReplayModel(ticket.id, ticket.recording), [ticket.id, ticket.recording.status]);
  const uploading =
    ticket.recording.status === "pending" && Date.now() - Date.parse(ticket.createdAt) < UPLOAD_GRACE_MS;
  useEffect(() => {
    if (!uploading) return;
    const timer = setInterval(() => void model.refresh(), 3000);
    return () => clearInterval(timer);
  }, [uploading, model]);
  const conversation = useMemo(() => createConversationModel(ticket.id, () => void model.refresh()), [ticket.id]);
  const reference = sentAt(ticket);
  const { context } = ticket;

  return (
    <>
      <header class="ticket-header">
        <p class="ticket-header__meta">
          <span class="mono">{ticket.reference}</span>
          <StatusBadge status={ticket.status} />
          <SeverityBadge severity={ticket.severity} />
          <span class="muted">
            Tier {ticket.tier}
            {ticket.queue ? ` · ${ticket.queue}` : ""} · {agentName(ticket.assigneeId) ?? "Unassigned"} · opened{" "}
            <RelativeTime value={ticket.createdAt} />
          </span>
        </p>
        <ScreenHeading id="screen-title">{ticket.subject || "(no subject)"}</ScreenHeading>
        <p class="ticket-header__customer muted">
          {[ticket.customer.name, ticket.customer.email, ticket.customer.company, ticket.customer.plan]
            .filter(Boolean)
            .join(" · ")}
          {ticket.customer.verified ? " · verified" : " · not verified"}
        </p>
        <TicketActions model={model} />
        <DeleteTicketButton ticketId={ticket.id} />
      </header>
      <div class="ticket-layout">
        <div class="ticket-layout__main">
          <HandoffFeedback ticketId={ticket.id} version={ticket.updatedAt} />
          <EscalationArea ticket={ticket} replay={replay} reload={() => void model.refresh()} />
          <section class="card" aria-labelledby="description-title">
            <h2 class="card__title" id="description-title">
              Description
            </h2>
            {ticket.description ? (
              <p class="description" dir="auto">
                {ticket.description}
              </p>
            ) : (
              <p class="muted">The customer left no description.</p>
            )}
          </section>
          <ConversationPanel model={conversation} locale={context.locale} />
          <AttachmentsPanel ticketId={ticket.id} />
          <ReplayPanel model={replay} recording={ticket.recording} uploading={uploading}>
            <ReplayTimeline ticket={ticket} replay={replay} />
          </ReplayPanel>
          <ClicksSection clicks={context.clicks} reference={reference} replay={replay} />
          <ConsoleSection entries={context.console} reference={reference} replay={replay} />
          <NetworkSection failures={context.network} reference={reference} replay={replay} />
          <NavigationSection navigation={context.navigation} reference={reference} replay={replay} />
        </div>
        <aside class="ticket-layout__side" aria-label="Ticket facts">
          <CustomerPanel ticket={ticket} />
          <ActivitySection ticketId={ticket.id} version={ticket.updatedAt} />
          <DetailsPanel ticket={ticket} />
          <TriagePanel ticket={ticket} model={model} />
          <SimilarTickets ticketId={ticket.id} />
          <PagePanel ticket={ticket} />
          <EnvironmentPanel environment={context.environment} />
          <MetadataPanel metadata={context.metadata} />
        </aside>
      </div>
    </>
  );
}
