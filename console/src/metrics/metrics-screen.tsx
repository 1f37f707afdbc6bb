import { useEffect, useMemo } from "preact/hooks";
import { dateIn, type DrilldownMetric, type EscalationMetrics, type Insights } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { Link } from "../ui/link.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { BarList, WeeklyChart } from "./charts.js";
import { MetricCards } from "./metric-cards.js";
import { metricsApi, viewerTimeZone, zoneOf, type MetricsParams } from "./metrics-api.js";
import { METRICS_FILTER_LABELS, MetricsFilters } from "./metrics-filters.js";
import { drillHref, duration, groupFilter, percent } from "./metric-links.js";
import { createMetricsModel, paramsFrom } from "./metrics-model.js";
import { href } from "../router.js";

export function MetricsScreen({ query }: { query: URLSearchParams }) {
  const key = query.toString();
  const params = useMemo(() => paramsFrom(query), [key]);
  const model = useMemo(() => createMetricsModel(params), [params]);
  useEffect(() => model.start(), [model]);
  useDocumentTitle("Escalation metrics");
  const m = model.metrics.value;
  const insights = model.insights.value;
  const zone = zoneOf(params);

  return (
    <section class="screen metrics" aria-labelledby="screen-title">
      <header class="screen__header">
        <ScreenHeading id="screen-title">Escalation metrics</ScreenHeading>
        {m && (
          <span class="muted">
            Tickets created {dateIn(zone, new Date(m.from))} – {dateIn(zone, new Date(m.to).getTime() - 1)}
            {zone !== viewerTimeZone && ` (days in ${zone})`}
          </span>
        )}
      </header>
      <MetricsFilters
        params={params}
        exportHref={metricsApi.auditCsvUrl({ ...params, groupBy: undefined })}
        dimensions={m?.dimensions ?? null}
      />
      {model.error.value && (
        <ErrorNotice
          error={model.error.value}
          title="Couldn't load the metrics"
          labels={METRICS_FILTER_LABELS}
          // A refused filter fails the same way again: the filters above are the way out.
          onRetry={model.error.value.status === 422 ? undefined : () => void model.reload()}
        />
      )}
      {!m && model.loading.value && (
        <p class="placeholder" role="status">
          Loading metrics…
        </p>
      )}
      {insights && <Anomalies insights={insights} />}
      {m && (
        <>
          <MetricCards m={m.overall} params={params} />
          <div class="metrics__grid">
            <section class="card">
              <h2 class="card__title">Escalated tickets per week</h2>
              <WeeklyChart weeks={m.weekly} linkFor={(week) => drillHref(params, "escalated", { week })} />
            </section>
            <section class="card">
              <h2 class="card__title">Escalations by category</h2>
              <BarList
                label="Escalated tickets by category"
                items={m.byCategory.map((c) => ({
                  key: c.category,
                  label: c.category === "none" ? "(no category)" : c.category,
                  value: c.escalated,
                  of: c.tickets,
                  href: drillHref(params, "escalated", { queue: c.category }),
                }))}
              />
            </section>
          </div>
          <AgentTable m={m} params={params} />
          {m.groupBy && <GroupTable m={m} params={params} />}
          <Feedback m={m} params={params} />
        </>
      )}
      {insights && <ProductSignals insights={insights} params={params} />}
    </section>
  );
}

function Anomalies({ insights }: { insights: Insights }) {
  // The 7 days the anomalies counted, as the insights' own days (one of them may be 23 or 25 hours long); only the
  // category narrows it, as the count ignores the dashboard's other filters.
  const { tz } = insights;
  const lastWeek = (weekStart: string) => ({
    from: dateIn(tz, new Date(weekStart)),
    to: dateIn(tz, new Date(insights.to).getTime() - 1),
    tz,
  });
  return (
    <>
      {insights.anomalies.map((a) => (
        <div key={a.category} class="notice notice--error" role="alert">
          <p class="notice__title">Escalation spike in {a.category}</p>
          <p>
            <Link href={drillHref(lastWeek(a.weekStart), "first_escalated", { queue: a.category })}>
              {a.escalations} tickets
            </Link>{" "}
            escalated for the first time in the last 7 days, against {a.trailingMean.toFixed(1)} a week over the
            previous 8 weeks (z = {a.zScore.toFixed(1)}).
          </p>
        </div>
      ))}
      <section class="card" aria-labelledby="weekly-review">
        <h2 class="card__title" id="weekly-review">
          Weekly review: most escalated categories, last 7 days
        </h2>
        {insights.weeklyReview.length === 0 ? (
          <p class="muted">No escalations in the last 7 days.</p>
        ) : (
          <ol class="review">
            {insights.weeklyReview.map((r) => (
              <li key={r.category}>
                <strong>{r.category === "none" ? "(no category)" : r.category}</strong> · {r.escalated} escalated ·{" "}
                {r.examples.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ", "}
                    <Link href={href(`tickets/${e.id}`)}>{e.reference}</Link> <span class="muted">{e.subject}</span>
                  </span>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function AgentTable({ m, params }: { m: EscalationMetrics; params: MetricsParams }) {
  return (
    <section class="card">
      <h2 class="card__title">Tickets escalated and resolved, per agent</h2>
      <p class="muted small">
        A ticket counts once per agent, however often they escalated it (re-escalations after a send-back are in the
        bounce-back rate).
      </p>
      {m.perAgent.length === 0 ? (
        <p class="muted">No agent activity in this period.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Tickets escalated</th>
              <th scope="col">Tickets resolved</th>
            </tr>
          </thead>
          <tbody>
            {m.perAgent.map((a) => (
              <tr key={a.agentId}>
                <td>{a.name}</td>
                <td>
                  <Link href={drillHref(params, "agent_escalations", { agent: a.agentId })}>{a.escalations}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "agent_resolved", { agent: a.agentId })}>{a.resolved}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function GroupTable({ m, params }: { m: EscalationMetrics; params: MetricsParams }) {
  return (
    <section class="card">
      <h2 class="card__title">
        By {m.groupBy === "queue" ? "category" : m.groupBy === "agent" ? "first agent" : m.groupBy}
      </h2>
      <table class="table table--compact">
        <thead>
          <tr>
            {[
              "",
              "Tickets",
              "Escalated",
              "Rate",
              "FCR",
              "To 1st escalation",
              "Resolution after",
              "Ping-pong",
              "Bounced",
            ].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.groups.map((g) => {
            const f = { ...groupFilter(m.groupBy, g.key) };
            const x = g.metrics;
            return (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                <td>
                  <Link href={drillHref(params, "tickets", f)}>{x.tickets}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "escalated", f)}>{x.escalated}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "escalated", f)}>{percent(x.escalationRate)}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "first_contact_resolved", f)}>{percent(x.fcrRate)}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "escalated", f)}>{duration(x.timeToFirstEscalation.medianMs)}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "escalated_resolved", f)}>
                    {duration(x.resolutionAfterEscalation.medianMs)}
                  </Link>
                </td>
                <td>
                  <Link href={drillHref(params, "ping_pong", f)}>{x.pingPong}</Link>
                </td>
                <td>
                  <Link href={drillHref(params, "bounced", f)}>{x.bounced}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Feedback({ m, params }: { m: EscalationMetrics; params: MetricsParams }) {
  const f = m.feedback;
  const of = (n: number, total: number, metric: DrilldownMetric, all: DrilldownMetric) =>
    total ? (
      <>
        <Link href={drillHref(params, metric)}>{n}</Link> of <Link href={drillHref(params, all)}>{total}</Link> (
        {percent(n / total)})
      </>
    ) : (
      "–"
    );
  return (
    <section class="card">
      <h2 class="card__title">Feedback after escalation</h2>
      <dl class="metric-facts">
        <dt>Customers who had to repeat themselves</dt>
        <dd>{of(f.repeatedThemselves, f.customerResponses, "repeated_themselves", "customer_feedback")}</dd>
        <dt>People a customer talked to (average)</dt>
        <dd>{f.averagePeopleTalkedTo === null ? "–" : f.averagePeopleTalkedTo.toFixed(1)}</dd>
        <dt>Resolved in reasonable time</dt>
        <dd>
          {of(f.resolvedInReasonableTime, f.customerResponses, "resolved_in_reasonable_time", "customer_feedback")}
        </dd>
        <dt>Handoffs that had what the agent needed</dt>
        <dd>{of(f.handoffHadWhatWasNeeded, f.agentResponses, "handoff_had_what_was_needed", "agent_feedback")}</dd>
      </dl>
    </section>
  );
}

function ProductSignals({ insights, params }: { insights: Insights; params: MetricsParams }) {
  const list = (
    title: string,
    rows: Insights["failingEndpoints"],
    metric: "failing_endpoint" | "error_fingerprint",
  ) => (
    <section class="card">
      <h2 class="card__title">{title}</h2>
      <BarList
        label={title}
        items={rows.map((r) => ({
          key: r.value,
          label: `${r.value} · ${r.customersEstimated ? "≈ " : ""}${r.customers.toLocaleString()} customer${r.customers === 1 ? "" : "s"}`,
          value: r.tickets,
          href: drillHref(params, metric, { value: r.value }),
        }))}
      />
    </section>
  );
  return (
    <div class="metrics__grid">
      {list("Tickets by failing endpoint", insights.failingEndpoints, "failing_endpoint")}
      {list("Tickets by error", insights.errorFingerprints, "error_fingerprint")}
    </div>
  );
}
