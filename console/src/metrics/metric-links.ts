import type { DrilldownMetric } from "../../../shared/index.js";
import { href } from "../router.js";
import { zoneOf, type MetricsParams } from "./metrics-api.js";

/**
 * The console URL of the tickets behind a number: same period and filters, plus the metric (and group), and always
 * the zone the number was counted in: without it the list's dates would be read in whoever opens the link's zone.
 */
export function drillHref(params: MetricsParams, metric: DrilldownMetric, extra: MetricsParams = {}): string {
  const { groupBy: _groupBy, ...filters } = params;
  return href("metrics/tickets", { ...filters, tz: zoneOf(params), metric, ...extra });
}

/** The filter a group row adds when drilling down from it. */
export function groupFilter(groupBy: string | null, key: string): MetricsParams {
  if (groupBy === "queue") return { queue: key };
  if (groupBy === "agent") return { agent: key };
  if (groupBy === "plan") return { plan: key };
  if (groupBy === "week") return { week: key };
  return {};
}

export const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 1000) / 10}%`);

export function duration(ms: number | null): string {
  if (ms === null) return "–";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / 3_600_000;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} d`;
}
