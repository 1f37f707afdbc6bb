import type { MetricSet } from "../../../shared/index.js";
import { Link } from "../ui/link.js";
import type { MetricsParams } from "./metrics-api.js";
import { drillHref, duration, percent } from "./metric-links.js";

/** The headline numbers; each links to the tickets behind it. */
export function MetricCards({ m, params }: { m: MetricSet; params: MetricsParams }) {
  const cards = [
    {
      title: "Escalation rate",
      value: percent(m.escalationRate),
      detail: `${m.escalated} of ${m.tickets} tickets`,
      href: drillHref(params, "escalated"),
    },
    {
      title: "First-contact resolution",
      value: percent(m.fcrRate),
      detail: `${m.firstContactResolved} of ${m.resolved} resolved`,
      href: drillHref(params, "first_contact_resolved"),
    },
    {
      title: "Time to first escalation",
      value: duration(m.timeToFirstEscalation.medianMs),
      detail: `median · p90 ${duration(m.timeToFirstEscalation.p90Ms)}`,
      href: drillHref(params, "escalated"),
    },
    {
      title: "Resolution after escalation",
      value: duration(m.resolutionAfterEscalation.medianMs),
      detail: `median · p90 ${duration(m.resolutionAfterEscalation.p90Ms)} · ${m.resolutionAfterEscalation.count} tickets`,
      href: drillHref(params, "escalated_resolved"),
    },
    {
      title: "Ping-pong rate",
      value: percent(m.pingPongRate),
      detail: `${m.pingPong} of ${m.escalated} escalated`,
      href: drillHref(params, "ping_pong"),
    },
    {
      title: "Bounce-back rate",
      value: percent(m.bounceRate),
      detail: `${m.bounced} of ${m.escalations} handoffs`,
      href: drillHref(params, "bounced"),
    },
    {
      title: "Reopened",
      value: String(m.reopened),
      detail: `of ${m.tickets} tickets`,
      href: drillHref(params, "reopened"),
    },
  ];
  return (
    <div class="kpis">
      {cards.map((c) => (
        <Link key={c.title} class="kpi" href={c.href}>
          <span class="kpi__title">{c.title}</span>
          <span class="kpi__value">{c.value}</span>
          <span class="kpi__detail muted small">{c.detail}</span>
        </Link>
      ))}
    </div>
  );
}
