import { signal } from "@preact/signals";
import {
  ESCALATION_PATHS,
  escalationListSchema,
  escalationSchema,
  similarTicketsSchema,
  ticketDetailSchema,
  type Escalation,
  type EscalationCreateInput,
  type SimilarTicket,
  type TicketSeen,
} from "../../../shared/index.js";
import { ApiError, isAbort, json } from "../api.js";

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));

/** A ticket's handoffs and similar resolved tickets, and the escalate / bounce actions. */
export function createEscalationModel(ticketId: string, onChanged: () => void) {
  const escalations = signal<Escalation[] | null>(null);
  const similar = signal<SimilarTicket[] | null>(null);
  const loadError = signal<ApiError | null>(null);
  const submitting = signal(false);
  const submitError = signal<ApiError | null>(null);
  let controller = new AbortController();

  /** The newest load: a live update's reload aborts an action's own, and the action waits for the newer one. */
  let newest: Promise<void> = Promise.resolve();
  function load(): Promise<void> {
    newest = read();
    return newest;
  }
  async function loaded(): Promise<void> {
    for (let seen = newest; ; seen = newest) {
      await seen;
      if (seen === newest) return;
    }
  }

  async function read(): Promise<void> {
    controller.abort();
    controller = new AbortController();
    const { signal: abort } = controller;
    try {
      const [list, similarList] = await Promise.all([
        json(ESCALATION_PATHS.escalations(encodeURIComponent(ticketId)), escalationListSchema, { signal: abort }),
        json(ESCALATION_PATHS.similar(encodeURIComponent(ticketId)), similarTicketsSchema, { signal: abort }),
      ]);
      escalations.value = list.escalations;
      similar.value = similarList.tickets;
      loadError.value = null;
    } catch (caught) {
      if (!isAbort(caught)) loadError.value = asApiError(caught);
    }
  }

  /** Runs an action; on success reloads the ticket and the handoffs; returns whether it worked. */
  async function act(
    path: string,
    body: unknown,
    schema: typeof escalationSchema | typeof ticketDetailSchema = escalationSchema,
  ): Promise<boolean> {
    submitting.value = true;
    submitError.value = null;
    try {
      await json(path, schema, { method: "POST", body });
      void load();
      // The new handoff is shown when this returns (focus goes to it), even if a live update's reload replaced ours.
      await loaded();
      onChanged();
      return true;
    } catch (caught) {
      submitError.value = asApiError(caught);
      // Someone else changed the ticket meanwhile: show it as it is now (their handoff too); the form keeps the note.
      if (submitError.value.status === 409) {
        void load();
        onChanged();
      }
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return {
    escalations,
    similar,
    loadError,
    submitting,
    submitError,
    load,
    escalate: (body: EscalationCreateInput) => act(ESCALATION_PATHS.escalations(encodeURIComponent(ticketId)), body),
    bounce: (escalationId: string, reason: string) =>
      act(ESCALATION_PATHS.bounce(encodeURIComponent(ticketId), encodeURIComponent(escalationId)), { reason }),
    deEscalate: (toTier: number, reason: string, seen?: TicketSeen) =>
      act(ESCALATION_PATHS.deEscalations(encodeURIComponent(ticketId)), { toTier, reason, seen }, ticketDetailSchema),
    clearSubmitError: () => (submitError.value = null),
    /** Loads; returns the teardown. */
    start(): () => void {
      void load();
      return () => controller.abort();
    },
  };
}
export type EscalationModel = ReturnType<typeof createEscalationModel>;
