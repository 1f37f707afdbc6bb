import { useEffect } from "preact/hooks";
import { metricGroupBys, type EscalationMetrics } from "../../../shared/index.js";
import { agentsDirectory, loadAgents } from "../agents-directory.js";
import { href, navigate } from "../router.js";
import { zoneOf, type MetricsParams } from "./metrics-api.js";

/** Period, grouping and filters; applying them changes the URL, so a view can be bookmarked and shared. */
export function MetricsFilters({
  params,
  exportHref,
  dimensions,
}: {
  params: MetricsParams;
  exportHref: string;
  dimensions: EscalationMetrics["dimensions"] | null;
}) {
  useEffect(() => void loadAgents(), []);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string | undefined> = {};
    for (const [key, value] of data) if (typeof value === "string" && value.trim()) next[key] = value.trim();
    // Picked days are days of the zone they were read in: the link says which, for whoever it is shared with.
    if (next.from || next.to || next.week) next.tz = zoneOf(params);
    navigate(href("metrics", next));
  };
  // The current value stays selectable even before the lists load (or when it is not in them any more).
  const withCurrent = (list: string[], current: string | undefined) =>
    current && !list.includes(current) ? [...list, current] : list;
  const label = (v: string) => (v === "none" ? "(none)" : v);
  return (
    <form class="filters" onSubmit={onSubmit} aria-label="Metrics filters">
      <label>
        From <input type="date" name="from" value={params.from?.slice(0, 10)} />
      </label>
      <label>
        To <input type="date" name="to" value={params.to?.slice(0, 10)} />
      </label>
      <label>
        Group by
        <select name="groupBy" value={params.groupBy ?? ""}>
          <option value="">(none)</option>
          {metricGroupBys.map((g) => (
            <option key={g} value={g}>
              {g === "queue" ? "category" : g === "agent" ? "first agent" : g}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select name="queue" value={params.queue ?? ""}>
          <option value="">any</option>
          {withCurrent(dimensions?.categories ?? [], params.queue).map((c) => (
            <option key={c} value={c}>
              {label(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        First agent
        <select name="agent" value={params.agent ?? ""}>
          <option value="">any</option>
          <option value="none">(none)</option>
          {agentsDirectory.value.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          {params.agent && params.agent !== "none" && !agentsDirectory.value.some((a) => a.id === params.agent) && (
            <option value={params.agent}>(removed agent)</option>
          )}
        </select>
      </label>
      <label>
        Plan
        <select name="plan" value={params.plan ?? ""}>
          <option value="">any</option>
          {withCurrent(dimensions?.plans ?? [], params.plan).map((p) => (
            <option key={p} value={p}>
              {label(p)}
            </option>
          ))}
        </select>
      </label>
      {params.week && <input type="hidden" name="week" value={params.week} />}
      <button type="submit" class="button button--primary">
        Apply
      </button>
      <a class="button" href={exportHref} download>
        Export audit CSV
      </a>
    </form>
  );
}

/** The filter form's words for the fields the server names when it refuses a query. */
export const METRICS_FILTER_LABELS = {
  from: "From",
  to: "To",
  groupBy: "Group by",
  queue: "Category",
  agent: "First agent",
  plan: "Plan",
  week: "Week",
  tz: "Time zone",
};
