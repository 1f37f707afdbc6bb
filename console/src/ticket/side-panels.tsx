import type { ComponentChildren } from "preact";
import { customerLanguage, type Environment, type Metadata, type TicketDetail } from "../../../shared/index.js";
import { SeverityBadge, StatusBadge, VerifiedBadge } from "../ui/badges.js";
import { ExternalUrl } from "../ui/external-url.js";
import { formatDateTime } from "../ui/format.js";
import { languageLabel } from "../ui/language.js";
import { Link } from "../ui/link.js";
import { Facts, Section } from "../ui/section.js";
import { href } from "../router.js";

export function CustomerPanel({ ticket }: { ticket: TicketDetail }) {
  const { customer } = ticket;
  const signed = customer.verifiedFields ?? [];
  // Only what the customer's app signed is trusted; anything else the page claimed is marked.
  const fact = (field: string, value: ComponentChildren) =>
    value &&
    (signed.includes(field) ? (
      value
    ) : (
      <>
        {value} <span class="badge badge--unverified">unverified</span>
      </>
    ));
  return (
    <Section id="customer" title="Customer">
      <p class="customer-line customer-line--large">
        <span class="customer-email">{customer.email}</span>
        <VerifiedBadge verified={signed.includes("email")} />
      </p>
      {!signed.includes("email") && (
        <p class="muted small">Unverified: the email was typed, not signed by the customer's app (identify() jwt).</p>
      )}
      {ticket.emailUnsubscribed && (
        <p class="muted small" data-testid="email-unsubscribed">
          Unsubscribed from email ({ticket.emailUnsubscribed.scope === "all" ? "all" : "this ticket"}) since{" "}
          {formatDateTime(ticket.emailUnsubscribed.at)}: replies reach them only in the widget.
        </p>
      )}
      <Facts
        items={[
          ["Language", <Language ticket={ticket} />],
          ["Name", fact("name", customer.name)],
          ["Company", fact("company", customer.company)],
          ["Plan", fact("plan", customer.plan)],
          ["User ID", customer.id && fact("id", <code>{customer.id}</code>)],
        ]}
      />
      <p class="small">
        <Link href={href("", { q: customer.email })}>All tickets from {customer.email}</Link>
      </p>
    </Section>
  );
}

/** "German (de)": the language the widget spoke to the customer, so the agent answers in it. */
function Language({ ticket }: { ticket: TicketDetail }) {
  const code = customerLanguage(ticket.context);
  if (!code) return <span class="muted">Unknown</span>;
  return (
    <span data-testid="customer-language">
      {languageLabel(code)}
      {/* Tickets from before the widget sent its language: the browser's may not be the page's. */}
      {!ticket.context?.locale && <span class="muted small"> · browser setting</span>}
    </span>
  );
}

export function DetailsPanel({ ticket }: { ticket: TicketDetail }) {
  return (
    <Section id="details" title="Details">
      <Facts
        items={[
          ["Status", <StatusBadge status={ticket.status} />],
          ["Severity", <SeverityBadge severity={ticket.severity} />],
          ["Tier", `Tier ${ticket.tier}`],
          ["Queue", ticket.queue ?? <span class="muted">Unrouted</span>],
          ["Priority", String(ticket.priority)],
          ["Created", formatDateTime(ticket.createdAt)],
          ["Updated", formatDateTime(ticket.updatedAt)],
        ]}
      />
    </Section>
  );
}

export function PagePanel({ ticket }: { ticket: TicketDetail }) {
  return (
    <Section id="page" title="Page">
      <Facts
        items={[
          ["URL", <ExternalUrl url={ticket.pageUrl} />],
          ["Title", ticket.pageTitle],
          ["Widget opened", ticket.openedAt !== null ? formatDateTime(ticket.openedAt) : null],
          ["Sent", ticket.submittedAt !== null ? formatDateTime(ticket.submittedAt) : null],
        ]}
      />
    </Section>
  );
}

export function EnvironmentPanel({ environment }: { environment: Environment | undefined }) {
  return (
    <Section id="environment" title="Environment" count={environment ? undefined : 0} empty="Not captured.">
      {environment && (
        <Facts
          items={[
            ["Browser", <span class="small">{environment.userAgent}</span>],
            [
              "Viewport",
              `${environment.viewport.width} × ${environment.viewport.height} @${environment.devicePixelRatio}x`,
            ],
            ["Language", environment.language],
            ["Time zone", environment.timeZone],
            ["Referrer", environment.referrer && <ExternalUrl url={environment.referrer} />],
          ]}
        />
      )}
    </Section>
  );
}

export function MetadataPanel({ metadata }: { metadata: Metadata }) {
  const entries = Object.entries(metadata);
  return (
    <Section id="metadata" title="Metadata" count={entries.length} empty="The app sent no metadata.">
      <Facts items={entries.map(([key, value]): [string, string] => [key, value === null ? "null" : String(value)])} />
    </Section>
  );
}
