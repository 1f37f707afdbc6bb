import { signal } from "@preact/signals";
import type { TicketStatus, TicketSummary } from "../../../shared/index.js";
import type { QueueFilters } from "./queue-filters.js";
import { api, type ApiError, trackLoad } from "../api.js";
import { coalesce, followLive } from "../live.js";

export const PAGE_SIZE = 50;

/** One page-by-page view of the queue for one set of filters (no status = all statuses). */
export function createQueueModel(filters: QueueFilters) {
  const status = filters.status;
  const tickets = signal<TicketSummary[]>([]);
  const nextCursor = signal<string | null>(null);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ApiError | null>(null);
  /** Tickets per status under the other filters, from the first page. */
  const counts = signal<Partial<Record<TicketStatus, number>>>({});
  let controller = new AbortController();

  async function fetchPage(cursor: string | null): Promise<void> {
    await trackLoad({ loading, error }, controller.signal, async () => {
      const page = await api.listTickets({ ...filters, limit: PAGE_SIZE, cursor }, controller.signal);
      if (page.counts) counts.value = page.counts;
      // A ticket can move up between pages (new activity); never show it twice.
      const seen = new Set(cursor ? tickets.value.map((t) => t.id) : []);
      const fresh = page.tickets.filter((t) => !seen.has(t.id));
      tickets.value = cursor ? [...tickets.value, ...fresh] : fresh;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    });
  }

  return {
    status,
    filters,
    counts,
    tickets,
    nextCursor,
    loading,
    loaded,
    error,
    /** Starts loading the first page; returns the teardown that cancels in-flight requests. */
    start(): () => void {
      void fetchPage(null);
      // New tickets, claims and replies reorder the queue: re-read the first page as they happen.
      const stopLive = followLive(coalesce(() => void fetchPage(null)));
      return () => {
        stopLive();
        controller.abort();
      };
    },
    reload(): Promise<void> {
      controller.abort();
      controller = new AbortController();
      return fetchPage(null);
    },
    loadMore(): Promise<void> {
      if (loading.value || !nextCursor.value) return Promise.resolve();
      return fetchPage(nextCursor.value);
    },
  };
}
export type QueueModel = ReturnType<typeof createQueueModel>;
