import { LIMITS, ticketListQuerySchema, type TicketListQuery } from "../../../shared/index.js";

/** The queue's filters, all in the URL so a filtered view can be bookmarked and shared. */
export type QueueFilters = Partial<
  Pick<TicketListQuery, "status" | "queue" | "tier" | "severity" | "plan" | "assignee" | "q">
>;
export const FILTER_KEYS = ["status", "queue", "tier", "severity", "plan", "assignee", "q"] as const;

/** Each parameter is checked with the shared schema on its own: one bad value drops that filter, not the view. */
export function readFilters(query: URLSearchParams): QueueFilters {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    // A pasted or linked search longer than the limit searches its start instead of silently showing everything.
    const raw = key === "q" ? query.get(key)?.slice(0, LIMITS.searchQuery) : query.get(key);
    if (!raw) continue;
    const parsed = ticketListQuerySchema.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") filters[key] = parsed.data;
  }
  return filters as QueueFilters;
}

/** The filters as query-string values (for href()). */
export function filterParams(filters: QueueFilters): Record<string, string | undefined> {
  return Object.fromEntries(
    FILTER_KEYS.map((key) => [key, filters[key] === undefined ? undefined : String(filters[key])]),
  );
}

export const filtersKey = (filters: QueueFilters) => JSON.stringify(filterParams(filters));
