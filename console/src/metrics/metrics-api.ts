import {
  drilldownSchema,
  escalationMetricsSchema,
  insightsSchema,
  METRICS_PATHS,
  type Drilldown,
  type EscalationMetrics,
  type Insights,
} from "../../../shared/index.js";
import { json } from "../api.js";

/** Query parameters the dashboard keeps in its URL and passes through to the API and to drill-downs. */
export type MetricsParams = Record<string, string | undefined>;

const search = (params: MetricsParams) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  return p.size ? `?${p}` : "";
};

export const metricsApi = {
  escalations: (params: MetricsParams, signal?: AbortSignal): Promise<EscalationMetrics> =>
    json(`${METRICS_PATHS.escalations}${search(params)}`, escalationMetricsSchema, { signal }),
  insights: (params: MetricsParams, signal?: AbortSignal): Promise<Insights> =>
    json(`${METRICS_PATHS.insights}${search(params)}`, insightsSchema, { signal }),
  tickets: (params: MetricsParams, signal?: AbortSignal): Promise<Drilldown> =>
    json(`${METRICS_PATHS.drilldown}${search(params)}`, drilldownSchema, { signal }),
  auditCsvUrl: (params: MetricsParams) => `${METRICS_PATHS.auditCsv}${search(params)}`,
};
