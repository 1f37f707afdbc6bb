import { z } from "zod";
import { ticketSummarySchema } from "./agent-api.js";
import { addDays, dateIn, isTimeZone, startOfDate } from "./time-zone.js";

/**
 * Escalation metrics. A period [from, to) selects the tickets CREATED in it (a cohort); every number is about that
 * cohort, folded from each ticket's timeline (ticket_events) as of the request:
 * - tickets: tickets created in the period.
 * - escalated: tickets with at least one `escalated` event (also one after a resolution); escalationRate = escalated / tickets.
 * - resolved: tickets whose last resolution holds (a `status_changed` to resolved/closed not followed by a reopen or an
 *   escalation). A reopened ticket that is resolved again counts once.
 * - reopened: tickets with a `status_changed` from resolved/closed back to an open status, or escalated after resolution.
 * - firstContactResolved: resolved, never escalated, never reopened, and resolved by the first assigned agent
 *   (the first agent to act when nobody was assigned); fcrRate = firstContactResolved / resolved.
 * - timeToFirstEscalation: first `escalated` event - ticket creation, over escalated tickets (median, p90; ms).
 * - resolutionAfterEscalation: final resolution - first escalation, over escalated and resolved tickets (ms).
 * - pingPong: escalated tickets with a `ping_pong` event; pingPongRate = pingPong / escalated.
 * - escalations / bounced: `escalated` and `bounced` events of the cohort; bounceRate = bounced / escalations
 *   (handoffs sent back for missing information).
 * Rates are null when their denominator is 0. Medians and p90 are interpolated (percentile_cont).
 */
export const metricGroupBys = ["queue", "agent", "plan", "week"] as const;
export type MetricGroupBy = (typeof metricGroupBys)[number];

/** The drill-down behind each number: GET /api/v1/metrics/escalations/tickets?metric=… */
export const drilldownMetrics = [
  "tickets",
  "escalated",
  /** Tickets whose first escalation (not creation) falls in the period, as the insights' anomalies count them. */
  "first_escalated",
  "resolved",
  "reopened",
  "first_contact_resolved",
  "escalated_resolved",
  "ping_pong",
  "bounced",
  "agent_escalations",
  "agent_resolved",
  "failing_endpoint",
  "error_fingerprint",
  "customer_feedback",
  "repeated_themselves",
  "resolved_in_reasonable_time",
  "agent_feedback",
  "handoff_had_what_was_needed",
] as const;
export type DrilldownMetric = (typeof drilldownMetrics)[number];

// Years 0001 and 9999 pass as ISO dates, but a day or a zone's offset beyond them is no date the database reads (a 500).
const inYears = (v: string) => Number(v.slice(0, 4)) >= 1970 && Number(v.slice(0, 4)) <= 2999;
const yearsMessage = "a date between 1970 and 2999";
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date()).refine(inYears, yearsMessage);
const DAY = 86_400_000;
/** The longest period metrics cover: ten years of weekly buckets. */
export const MAX_PERIOD_DAYS = 3660;

/** Filters shared by the metrics and the drill-down; "none" selects tickets without a queue / agent / plan. */
export const metricsFilterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    queue: z.string().max(200).optional(),
    agent: z.union([z.uuid(), z.literal("none")]).optional(),
    plan: z.string().max(64).optional(),
    /** A week start (Monday, ISO date) from a weekly group. */
    week: z.iso.date().refine(inYears, yearsMessage).optional(),
    /**
     * The viewer's IANA time zone (default UTC): date-only `from` / `to` / `week` are its calendar days and weeks,
     * and the weekly series is bucketed by its Mondays. Timestamps with an offset mean exactly that instant.
     */
    tz: z.string().max(64).refine(isTimeZone, "an IANA time zone, e.g. Europe/Berlin").optional(),
  })
  // Compared as resolvePeriod reads them: a date-only `to` covers its whole day, so from = to is one day.
  // An unknown zone is its own issue (and resolvePeriod cannot read it).
  .refine((q) => !q.from || !q.to || !isTimeZone(q.tz ?? "UTC") || resolvePeriod(q).from < resolvePeriod(q).to, {
    path: ["to"],
    message: "must be after from",
  })
  // Each week of the period is a bucket (and a date range in SQL): a period of centuries ran the server out of memory.
  .refine(
    (q) => {
      if (!isTimeZone(q.tz ?? "UTC")) return true;
      const { from, to } = resolvePeriod(q);
      return (
        Number.isNaN(from.getTime()) ||
        Number.isNaN(to.getTime()) ||
        to.getTime() - from.getTime() <= MAX_PERIOD_DAYS * DAY
      );
    },
    { path: ["from"], message: `the period can be at most ${MAX_PERIOD_DAYS / 366} years` },
  );
export type MetricsFilter = z.infer<typeof metricsFilterSchema>;

export const metricsQuerySchema = metricsFilterSchema.and(z.object({ groupBy: z.enum(metricGroupBys).optional() }));
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export const drilldownQuerySchema = metricsFilterSchema.and(
  z.object({
    metric: z.enum(drilldownMetrics),
    /** The value for failing_endpoint / error_fingerprint; agent_* use the agent filter. */
    value: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  }),
);
export type DrilldownQuery = z.infer<typeof drilldownQuerySchema>;

/**
 * The default period: the 12 weeks before `to` (default: the end of today). Dates are days of `tz` (default UTC).
 */
export function resolvePeriod(
  q: { from?: string; to?: string; tz?: string },
  now = Date.now(),
): { from: Date; to: Date } {
  const tz = q.tz ?? "UTC";
  const isDate = (v: string) => v.length === 10;
  // A date-only `to` is inclusive (the whole day), as a date picker means it; a timestamp is exclusive.
  // The default ends at the next midnight (nothing is created later than now).
  const lastDay = q.to ? (isDate(q.to) ? q.to : null) : dateIn(tz, now);
  const to = lastDay ? startOfDate(tz, addDays(lastDay, 1)) : new Date(q.to!);
  const from = q.from
    ? isDate(q.from)
      ? startOfDate(tz, q.from)
      : new Date(q.from)
    : lastDay
      ? startOfDate(tz, addDays(lastDay, 1 - 84))
      : new Date(to.getTime() - 84 * DAY);
  return { from, to };
}

/** A `week` filter's span: Monday to Monday in `tz` (default UTC). */
export function weekRange(week: string, tz = "UTC"): { start: Date; end: Date } {
  return { start: startOfDate(tz, week), end: startOfDate(tz, addDays(week, 7)) };
}

const durationSchema = z.object({
  count: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Present when the cohort is too large for exact percentiles: how many tickets the estimate read (server/services/metrics/metrics-percentiles.ts). */
  sampleSize: z.number().int().optional(),
});

export const metricSetSchema = z.object({
  tickets: z.number().int(),
  escalated: z.number().int(),
  escalationRate: z.number().nullable(),
  resolved: z.number().int(),
  reopened: z.number().int(),
  firstContactResolved: z.number().int(),
  fcrRate: z.number().nullable(),
  timeToFirstEscalation: durationSchema,
  resolutionAfterEscalation: durationSchema,
  pingPong: z.number().int(),
  pingPongRate: z.number().nullable(),
  escalations: z.number().int(),
  bounced: z.number().int(),
  bounceRate: z.number().nullable(),
});
export type MetricSet = z.infer<typeof metricSetSchema>;

export const feedbackSummarySchema = z.object({
  customerResponses: z.number().int(),
  repeatedThemselves: z.number().int(),
  averagePeopleTalkedTo: z.number().nullable(),
  resolvedInReasonableTime: z.number().int(),
  agentResponses: z.number().int(),
  handoffHadWhatWasNeeded: z.number().int(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const escalationMetricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The zone the figures' days and weeks were counted in (the query's tz, else UTC): a drill-down needs it to list the same tickets. */
  tz: z.string(),
  groupBy: z.enum(metricGroupBys).nullable(),
  overall: metricSetSchema,
  /** With groupBy: one entry per queue / first agent / plan / week; key "none" for tickets without one. */
  groups: z.array(z.object({ key: z.string(), label: z.string(), metrics: metricSetSchema })),
  weekly: z.array(
    z.object({
      week: z.string(),
      tickets: z.number().int(),
      escalated: z.number().int(),
      escalationRate: z.number().nullable(),
    }),
  ),
  byCategory: z.array(z.object({ category: z.string(), tickets: z.number().int(), escalated: z.number().int() })),
  /**
   * Per agent: `escalations` = tickets of the cohort they escalated at least once (a ticket they escalated twice counts
   * once, as its drill-down `agent_escalations` lists it once), next to the tickets they resolved.
   */
  perAgent: z.array(
    z.object({ agentId: z.string(), name: z.string(), escalations: z.number().int(), resolved: z.number().int() }),
  ),
  feedback: feedbackSummarySchema,
  /** The categories and plans the workspace's tickets have ever had, for the dashboard's pickers ("none" when some had none). */
  dimensions: z.object({ categories: z.array(z.string()), plans: z.array(z.string()) }),
});
export type EscalationMetrics = z.infer<typeof escalationMetricsSchema>;

export const drilldownSchema = z.object({
  tickets: z.array(ticketSummarySchema),
  nextCursor: z.string().nullable(),
});
export type Drilldown = z.infer<typeof drilldownSchema>;

export const anomalySchema = z.object({
  category: z.string(),
  weekStart: z.string(),
  escalations: z.number().int(),
  trailingMean: z.number(),
  trailingStdDev: z.number(),
  zScore: z.number(),
});
/** Tickets sharing a failing endpoint or error fingerprint. `customersEstimated`: counted in a sample of customers
 * (huge periods), so `customers` is an estimate (about 1 %). */
const signalGroupSchema = z.object({
  value: z.string(),
  tickets: z.number().int(),
  customers: z.number().int(),
  customersEstimated: z.boolean().optional(),
});

export const insightsSchema = z.object({
  to: z.string(),
  /** The zone whose days the 7 days before `to` are (the query's tz, else UTC). */
  tz: z.string(),
  /** Categories whose escalations in the 7 days before `to` are >= 3 standard deviations above the 8 weeks before. */
  anomalies: z.array(anomalySchema),
  /** The five most-escalated categories of the 7 days before `to`, with example tickets. */
  weeklyReview: z.array(
    z.object({
      category: z.string(),
      escalated: z.number().int(),
      examples: z.array(z.object({ id: z.uuid(), reference: z.string(), subject: z.string() })),
    }),
  ),
  /** Tickets of the period grouped by failing endpoint / error fingerprint, across customers. */
  failingEndpoints: z.array(signalGroupSchema),
  errorFingerprints: z.array(signalGroupSchema),
});
export type Insights = z.infer<typeof insightsSchema>;

export const customerFeedbackSchema = z.object({
  repeatedThemselves: z.boolean(),
  peopleTalkedTo: z.number().int().min(1).max(20),
  resolvedInReasonableTime: z.boolean(),
});
export type CustomerFeedback = z.infer<typeof customerFeedbackSchema>;

export const agentFeedbackSchema = z.object({
  handoffHadWhatWasNeeded: z.boolean(),
  missing: z.string().max(2000).optional(),
});
export type AgentFeedback = z.infer<typeof agentFeedbackSchema>;

export const METRICS_PATHS = {
  escalations: "/api/v1/metrics/escalations",
  drilldown: "/api/v1/metrics/escalations/tickets",
  insights: "/api/v1/metrics/insights",
  auditCsv: "/api/v1/exports/escalation-audit.csv",
  agentFeedback: (ticketId: string) => `/api/v1/tickets/${ticketId}/feedback`,
  customerFeedback: (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/feedback`,
} as const;

/** Whether the feedback question(s) should be shown: escalated and resolved, and not answered yet by this respondent. */
export const feedbackStateSchema = z.object({
  ticketId: z.uuid(),
  eligible: z.boolean(),
  answered: z.boolean(),
});
export type FeedbackState = z.infer<typeof feedbackStateSchema>;
