import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { TicketSummary } from "../../../shared/index.js";
import { announce } from "../keyboard/announcer.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { href, navigate } from "../router.js";

/**
 * The queue's selected ticket, kept across screens: Esc on a ticket comes back to the queue with the same row
 * selected and focused.
 */
export const selectedTicket = signal<string | null>(null);
/** The rows picked for a bulk action (`x`, or the row's checkbox). */
export const bulkSelection = signal<string[]>([]);

export function toggleBulk(id: string): void {
  const now = bulkSelection.value;
  bulkSelection.value = now.includes(id) ? now.filter((t) => t !== id) : [...now, id];
  announce(`${bulkSelection.value.length} selected`);
}
/** Set when leaving a ticket for the queue, so the queue puts focus back on that ticket's row once it has loaded. */
let returning = false;
/** Set by a search (Enter in the search box): once its results are in, focus goes to the first, so j/k go on from there. */
let searching = false;

/** Enter in the search box: the results get focus, as in Gmail or Linear (a j typed into the box is text). */
export function focusResults(sameSearch: boolean): void {
  // The same search again loads nothing new: its rows are already there.
  if (!sameSearch) searching = true;
  else selectRow(document.querySelector<HTMLElement>("tr[data-ticket-id]")?.dataset.ticketId);
}

/** Set while the next page loads for the agent (Load more, or j on the last row): the row it starts at takes focus. */
let pageStart: number | null = null;
export function focusNextPage(shown: number): void {
  pageStart = shown;
}

function selectRow(id: string | undefined): void {
  if (!id) return;
  selectedTicket.value = id;
  focusRow(id);
}

/** The queue's filters and search as last shown (its query string): going back from a ticket keeps them. */
let queueSearch = "";
export function rememberQueueSearch(query: URLSearchParams): void {
  queueSearch = query.size ? `?${query}` : "";
}
/** The queue as the agent left it, for Esc and the ticket's "← Tickets". */
export const queueHref = () => `${href()}${queueSearch}`;

export function returnToQueue(ticketId: string): void {
  selectedTicket.value = ticketId;
  returning = true;
  navigate(queueHref());
}

export const ticketHref = (id: string) => href(`tickets/${encodeURIComponent(id)}`);

export function focusRow(id: string): void {
  document
    .querySelector<HTMLAnchorElement>(`tr[data-ticket-id="${CSS.escape(id)}"] a`)
    ?.focus({ preventScroll: false });
}

/**
 * j/k move the selection (and focus the row's link, so Enter opens it and a screen reader reads it), x picks the row
 * for a bulk action, / searches.
 */
export function useQueueKeys(tickets: TicketSummary[], loaded: boolean, loadMore?: () => void): void {
  const ids = tickets.map((t) => t.id);
  useEffect(() => {
    // Picked rows that a new search, filter or update took out of view leave the selection: a bulk action acts
    // only on rows the agent can see.
    if (loaded) {
      const kept = bulkSelection.value.filter((id) => ids.includes(id));
      if (kept.length < bulkSelection.value.length) bulkSelection.value = kept;
    }
    // A search that found nothing leaves focus in the search box, to change it.
    if (loaded && searching) {
      searching = false;
      if (ids.length) return selectRow(ids[0]);
    }
    if (!ids.length) return;
    if (pageStart !== null && ids.length > pageStart) {
      selectRow(ids[pageStart]);
      pageStart = null;
    }
    if (returning && selectedTicket.value && ids.includes(selectedTicket.value)) focusRow(selectedTicket.value);
    returning = false;
  }, [ids.join(","), loaded]);

  const move = (step: number) => {
    if (!ids.length) return;
    const at = selectedTicket.value ? ids.indexOf(selectedTicket.value) : -1;
    // j on the last row of a longer queue goes on into the next page, as scrolling would (it stopped at row 50).
    if (step > 0 && at === ids.length - 1 && loadMore) return loadMore();
    const next = at === -1 ? (step > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + step));
    selectedTicket.value = ids[next]!;
    focusRow(ids[next]!);
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => {
      const id = selectedTicket.value;
      if (id && ids.includes(id)) navigate(ticketHref(id));
    },
    x: () => {
      const id = selectedTicket.value;
      if (id && ids.includes(id)) toggleBulk(id);
    },
    "/": () => document.querySelector<HTMLInputElement>("#ticket-search")?.focus(),
  });
}
