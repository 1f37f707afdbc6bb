import { signal } from "@preact/signals";
import type { EscalationMetrics, Insights } from "../../../shared/index.js";
import { type ApiError, trackLoad } from "../api.js";
import { metricsApi, type MetricsParams } from "./metrics-api.js";

/**
 * The filters the dashboard reads from its URL (so a view can be shared); the API applies the defaults. `tz`: the zone
 * the period and week are days of, set when the viewer picks them (so a shared link is read in the sharer's days).
 */
export const FILTER_KEYS = ["from", "to", "groupBy", "queue", "agent", "plan", "week", "tz"] as const;

export function paramsFrom(query: URLSearchParams): MetricsParams {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) || undefined]));
}

/** Loads the metrics and the insights for one set of filters. */
export function createMetricsModel(params: MetricsParams) {
  const metrics = signal<EscalationMetrics | null>(null);
  const insights = signal<Insights | null>(null);
  const error = signal<ApiError | null>(null);
  const loading = signal(false);
  let controller = new AbortController();

  async function load() {
    await trackLoad({ loading, error }, controller.signal, async () => {
      const [m, i] = await Promise.all([
        metricsApi.escalations(params, controller.signal),
        metricsApi.insights(params, controller.signal),
      ]);
      metrics.value = m;
      insights.value = i;
    });
  }

  return {
    params,
    metrics,
    insights,
    error,
    loading,
    start(): () => void {
      void load();
      return () => controller.abort();
    },
    reload() {
      controller.abort();
      controller = new AbortController();
      return load();
    },
  };
}
export type MetricsModel = ReturnType<typeof createMetricsModel>;
