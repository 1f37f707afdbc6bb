import { signal } from "@preact/signals";
import type { TicketStatus, TicketSummary } from "../../../shared/index.js";
import type { QueueFilters } from "./queue-filters.js";
import { api, type ApiError, trackLoad } from "../api.js";
import { announce } from "../keyboard/announcer.js";
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
  /** A change was announced while a page was loading: that read may have been made before it, so read again after. */
  let missed = false;

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
    if (missed) {
      missed = false;
      void poll();
    }
  }

  /**
   * Re-reads the first page quietly while only that page is shown (a longer list is the agent's to refresh), and
   * reads new tickets out politely, so a screen-reader user hears what arrived.
   */
  async function poll(): Promise<void> {
    if (loading.value) missed = true;
    if (loading.value || !loaded.value || tickets.value.length > PAGE_SIZE) return;
    try {
      const page = await api.listTickets({ ...filters, limit: PAGE_SIZE, cursor: null }, controller.signal);
      const known = new Set(tickets.value.map((t) => t.id));
      const fresh = page.tickets.filter((t) => !known.has(t.id));
      tickets.value = page.tickets;
      nextCursor.value = page.nextCursor;
      if (page.counts) counts.value = page.counts;
      if (fresh.length === 1) announce(`New ticket: ${fresh[0]!.subject || "(no subject)"}`);
      else if (fresh.length > 1) announce(`${fresh.length} new tickets`);
    } catch {
      // A failed background check stays quiet; Refresh shows the error.
    }
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
    /** Starts loading the first page, then checks for new tickets; returns the teardown. */
    start(): () => void {
      void fetchPage(null);
      // New tickets, claims and replies reorder the queue: re-read the first page as they happen, and read new ones out.
      const stopLive = followLive(coalesce(() => void poll()));
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
