import { metricGroupBys } from "../../../shared/index.js";
import { href, navigate } from "../router.js";
import type { MetricsParams } from "./metrics-api.js";

/** Period, grouping and filters; applying them changes the URL, so a view can be bookmarked and shared. */
export function MetricsFilters({ params, exportHref }: { params: MetricsParams; exportHref: string }) {
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string | undefined> = {};
    for (const [key, value] of data) if (typeof value === "string" && value.trim()) next[key] = value.trim();
    navigate(href("metrics", next));
  };
  return (
    <form class="filters" onSubmit={onSubmit} aria-label="Metrics filters">
      <label>From <input type="date" name="from" value={params.from?.slice(0, 10)} /></label>
      <label>To <input type="date" name="to" value={params.to?.slice(0, 10)} /></label>
      <label>
        Group by
        <select name="groupBy" value={params.groupBy ?? ""}>
          <option value="">(none)</option>
          {metricGroupBys.map((g) => <option key={g} value={g}>{g === "queue" ? "category" : g === "agent" ? "first agent" : g}</option>)}
        </select>
      </label>
      <label>Category <input name="queue" value={params.queue} placeholder="any" size={10} /></label>
      <label>Plan <input name="plan" value={params.plan} placeholder="any" size={8} /></label>
      {params.agent && <input type="hidden" name="agent" value={params.agent} />}
      <button type="submit" class="button button--primary">Apply</button>
      <a class="button" href={exportHref} download>Export audit CSV</a>
    </form>
  );
}
