import {
  drilldownSchema,
  escalationMetricsSchema,
  insightsSchema,
  METRICS_PATHS,
  type Drilldown,
  type EscalationMetrics,
  type Insights,
  localTimeZone,
} from "../../../shared/index.js";
import { json } from "../api.js";

/** Query parameters the dashboard keeps in its URL and passes through to the API and to drill-downs. */
export type MetricsParams = Record<string, string | undefined>;

/** The viewer's zone: the API counts its days and weeks (UTC otherwise), so a picked day is midnight to midnight here. */
export const viewerTimeZone = localTimeZone();

/** The zone the view's days are in: the URL's (a link shared from another zone), else the viewer's. */
export const zoneOf = (params: MetricsParams) => params.tz || viewerTimeZone;

const search = (params: MetricsParams) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, tz: zoneOf(params) })) if (v) p.set(k, v);
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
