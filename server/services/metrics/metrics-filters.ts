import { and, eq, gte, isNull, lt, type AnyColumn, type SQL } from "drizzle-orm";
import { ticketFacts } from "../../db/schema-metrics.js";
import { resolvePeriod, weekRange, type MetricsFilter } from "../../../shared/metrics.js";

/**
 * The WHERE of every metrics query: workspace first (the index), the creation period (or, with `on`, the period of
 * another time: the first escalation for the anomalies' drill-down), then the optional filters.
 */
export function factsWhere(
  workspaceId: string,
  filter: MetricsFilter,
  now = Date.now(),
  on: AnyColumn = ticketFacts.createdAt,
): { where: SQL; from: Date; to: Date } {
  const { from, to } = resolvePeriod(filter, now);
  const parts: SQL[] = [eq(ticketFacts.workspaceId, workspaceId), gte(on, from), lt(on, to)];
  if (filter.queue)
    parts.push(filter.queue === "none" ? isNull(ticketFacts.category) : eq(ticketFacts.category, filter.queue));
  if (filter.plan) parts.push(filter.plan === "none" ? isNull(ticketFacts.plan) : eq(ticketFacts.plan, filter.plan));
  if (filter.week) {
    const week = weekRange(filter.week, filter.tz);
    parts.push(gte(on, week.start), lt(on, week.end));
  }
  return { where: and(...parts)!, from, to };
}

/** The agent filter means "first agent" for cohort metrics; the per-agent drill-downs apply it themselves. */
export function firstAgentCondition(agent: string | undefined): SQL | undefined {
  if (!agent) return undefined;
  return agent === "none" ? isNull(ticketFacts.firstAgentId) : eq(ticketFacts.firstAgentId, agent);
}
