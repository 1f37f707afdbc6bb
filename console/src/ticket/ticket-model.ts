import { signal } from "@preact/signals";
import type { TicketDetail, TicketSeen, TicketUpdate } from "../../../shared/index.js";
import { api, ApiError, trackLoad } from "../api.js";
import { followLive } from "../live.js";
import { href, navigate } from "../router.js";

/** "HO-12": what agents call a ticket, typed or pasted into the address bar instead of its id. */
const REFERENCE = /^[a-z]+-\d+$/i;

/** One ticket, loaded by id. */
export function createTicketModel(id: string) {
  const ticket = signal<TicketDetail | null>(null);
  const loading = signal(false);
  const error = signal<ApiError | null>(null);
  const saving = signal(false);
  const actionError = signal<ApiError | null>(null);
  let controller = new AbortController();

  async function load(): Promise<void> {
    controller.abort();
    controller = new AbortController();
    await trackLoad({ loading, error }, controller.signal, async () => {
      if (REFERENCE.test(id)) {
        const found = await api.listTickets({ q: id }, controller.signal);
        const match = found.tickets.find((t) => t.reference.toLowerCase() === id.toLowerCase());
        // Its own address, so the URL a colleague copies next is the lasting one; an unknown reference stays not found.
        if (match) return navigate(href(`tickets/${match.id}`), { replace: true });
      }
      ticket.value = await api.getTicket(id, controller.signal);
    });
  }

  return {
    id,
    ticket,
    loading,
    error,
    load,
    saving,
    actionError,
    /** Claim/assign, status, severity, queue: the server answers with the updated ticket. */
    async update(changes: TicketUpdate): Promise<void> {
      const before = ticket.value;
      // Optimistic: the select keeps what the agent chose while the save runs instead of jumping back;
      // a refused change puts the server's last answer back.
      if (before) ticket.value = { ...before, ...changes } as TicketDetail;
      saving.value = true;
      actionError.value = null;
      try {
        ticket.value = await api.updateTicket(id, before ? { ...changes, seen: seenBefore(before, changes) } : changes);
      } catch (caught) {
        if (before) ticket.value = before;
        actionError.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
        // Another agent changed it first (claimed, closed, escalated): show the ticket as it is now.
        if (actionError.value.status === 409) void this.refresh();
      } finally {
        saving.value = false;
      }
    },
    /** Quietly re-reads the ticket (e.g. after a reply) without the loading state. */
    async refresh(): Promise<void> {
      try {
        ticket.value = await api.getTicket(id);
      } catch {
        // The next action or reload shows the error.
      }
    },
    /** Loads the ticket; returns the teardown. */
    start(): () => void {
      void load();
      // Someone else claims, escalates or changes it: show it without a reload.
      const stopLive = followLive((m) => {
        if (m.name === "reset" || (m.data.ticketId === id && m.name !== "message.created")) void this.refresh();
      });
      return () => {
        stopLive();
        controller.abort();
      };
    },
  };
}
export type TicketModel = ReturnType<typeof createTicketModel>;

/** The values the agent changed from: the server refuses (409) a change to a ticket that moved on since. */
function seenBefore(before: TicketDetail, changes: TicketUpdate): TicketSeen {
  const seen: TicketSeen = {};
  if (changes.assigneeId !== undefined) seen.assigneeId = before.assigneeId;
  if (changes.status !== undefined) seen.status = before.status;
  if (changes.queue !== undefined) seen.queue = before.queue;
  return seen;
}

/** The moment the customer sent the ticket: the reference point for "−12.4 s" offsets. */
export function sentAt(ticket: TicketDetail): number | null {
  if (ticket.submittedAt !== null) return ticket.submittedAt;
  const created = Date.parse(ticket.createdAt);
  return Number.isNaN(created) ? null : created;
}
