import { signal } from "@preact/signals";
import { useEffect, useMemo } from "preact/hooks";
import { drilldownMetrics, type DrilldownMetric, type TicketSummary } from "../../../shared/index.js";
import { ApiError, isAbort } from "../api.js";
import { TicketTable } from "../queue/ticket-table.js";
import { href } from "../router.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { METRICS_FILTER_LABELS } from "./metrics-filters.js";
import { Link } from "../ui/link.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { metricsApi } from "./metrics-api.js";
import { FILTER_KEYS, paramsFrom } from "./metrics-model.js";

const TITLES: Record<DrilldownMetric, string> = {
  tickets: "All tickets",
  escalated: "Escalated tickets",
  first_escalated: "Tickets first escalated in the period",
  resolved: "Resolved tickets",
  reopened: "Reopened tickets",
  first_contact_resolved: "Resolved at first contact",
  escalated_resolved: "Escalated, then resolved",
  ping_pong: "Ping-pong tickets",
  bounced: "Tickets with a bounced handoff",
  agent_escalations: "Tickets the agent escalated",
  agent_resolved: "Tickets the agent resolved",
  failing_endpoint: "Tickets after a failing request",
  error_fingerprint: "Tickets with this error",
  customer_feedback: "Tickets the customer gave feedback on",
  repeated_themselves: "Customers who had to repeat themselves",
  resolved_in_reasonable_time: "Customers who found it resolved in reasonable time",
  agent_feedback: "Handoffs the receiving agent rated",
  handoff_had_what_was_needed: "Handoffs that had what the agent needed",
};

/** The tickets behind one number of the dashboard, with the same filters; the queue's table, page by page. */
export function MetricTicketsScreen({ query }: { query: URLSearchParams }) {
  const key = query.toString();
  const metric = drilldownMetrics.find((m) => m === query.get("metric")) ?? "tickets";
  const model = useMemo(() => {
    const params = { ...paramsFrom(query), metric, value: query.get("value") ?? undefined };
    const tickets = signal<TicketSummary[]>([]);
    const next = signal<string | null>(null);
    const error = signal<ApiError | null>(null);
    const loaded = signal(false);
    const controller = new AbortController();
    const load = async (cursor?: string) => {
      try {
        const page = await metricsApi.tickets({ ...params, cursor, limit: "50" }, controller.signal);
        tickets.value = [...(cursor ? tickets.value : []), ...page.tickets];
        next.value = page.nextCursor;
        loaded.value = true;
      } catch (caught) {
        if (!isAbort(caught))
          error.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
      }
    };
    return { params, tickets, next, error, loaded, load, stop: () => controller.abort() };
  }, [key]);
  useEffect(() => {
    void model.load();
    return model.stop;
  }, [model]);
  const title = TITLES[metric];
  useDocumentTitle(title);
  const back = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? undefined]));
  const filters = FILTER_KEYS.filter((k) => query.get(k) && k !== "groupBy").map((k) => `${k}: ${query.get(k)}`);
  if (query.get("value")) filters.push(query.get("value")!);

  return (
    <section class="screen" aria-labelledby="screen-title">
      <p class="breadcrumb">
        <Link href={href("metrics", back)}>← Escalation metrics</Link>
      </p>
      <header class="screen__header">
        <ScreenHeading id="screen-title">{title}</ScreenHeading>
      </header>
      {filters.length > 0 && <p class="muted">{filters.join(" · ")}</p>}
      {model.error.value && (
        <ErrorNotice
          error={model.error.value}
          title="Couldn't load the tickets"
          labels={METRICS_FILTER_LABELS}
          onRetry={model.error.value.status === 422 ? undefined : () => void model.load()}
        />
      )}
      {model.loaded.value && model.tickets.value.length === 0 && <p class="empty">No tickets.</p>}
      {model.tickets.value.length > 0 && <TicketTable tickets={model.tickets.value} />}
      {model.next.value && (
        <div class="load-more">
          <button type="button" class="button" onClick={() => void model.load(model.next.value!)}>
            Load more
          </button>
        </div>
      )}
    </section>
  );
}
