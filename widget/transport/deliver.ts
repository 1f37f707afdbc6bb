/**
 * Delivering outbox items: create the ticket (idempotent), then attach the recording, then forget the item.
 * Used for the next page load's retry and the `online` retry; submit.ts runs the same steps with progress for the UI.
 */
import { ApiError, type RetryOptions } from "./http.js";
import { listOutbox, removeFromOutbox, updateOutboxItem, type OutboxItem } from "./outbox.js";
import { uploadRecording } from "./recording.js";
import { createTicket, type TicketTarget } from "./tickets.js";

/** Keys this page is sending right now: a flush must not race the submission it saved itself. */
export const activeKeys = new Set<string>();

export type Delivery = "delivered" | "later" | "rejected";

/** Retryable failures (offline, 5xx, 408, 429) keep the item; anything else (4xx) will never succeed: drop it. */
export async function settleFailure(key: string, error: unknown, attempts: number): Promise<Delivery> {
  if (!(error instanceof ApiError) || error.retryable) {
    await updateOutboxItem(key, { attempts: attempts + 1 });
    return "later";
  }
  await removeFromOutbox(key);
  return "rejected";
}

export async function deliverItem(item: OutboxItem, retry?: RetryOptions): Promise<Delivery> {
  activeKeys.add(item.key);
  try {
    let created = item.created;
    if (!created) {
      created = await createTicket(item, item.body, item.key, retry);
      await updateOutboxItem(item.key, { created });
    }
    if (item.recording)
      await uploadRecording(item.apiOrigin, created.id, created.uploadToken, item.recording, undefined, retry);
    await removeFromOutbox(item.key);
    return "delivered";
  } catch (error) {
    const outcome = await settleFailure(item.key, error, item.attempts);
    if (outcome === "rejected") console.warn("[Handoff] a saved ticket was rejected and is discarded", error);
    return outcome;
  } finally {
    activeKeys.delete(item.key);
  }
}

let flushing: Promise<Delivery[]> | undefined;

/** Sends whatever this site's widget left unsent, oldest first; one flush at a time per page. */
export function flushOutbox(target: TicketTarget, retry: RetryOptions = { attempts: 2 }): Promise<Delivery[]> {
  return (flushing ||= (async () => {
    const results: Delivery[] = [];
    try {
      for (const item of await listOutbox()) {
        if (item.apiOrigin !== target.apiOrigin || item.siteKey !== target.siteKey || activeKeys.has(item.key))
          continue;
        const result = await deliverItem(item, retry);
        results.push(result);
        if (result === "later") break; // still offline or the server is struggling: try again next time
      }
    } catch (error) {
      console.warn("[Handoff] could not read the outbox", error);
    } finally {
      flushing = undefined;
    }
    return results;
  })());
}
