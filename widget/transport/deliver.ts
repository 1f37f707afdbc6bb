/**
 * Delivering an outbox item: create the ticket (idempotent), attach the recording, then forget the item. The one
 * path for a ticket's first try (with progress, submit.ts) and for every retry (next page load, back online).
 */
import type { TicketCreated } from "../../shared/widget-api.js";
import { ApiError } from "./api-error.js";
import type { RetryOptions } from "./http.js";
import { setOutboxHint } from "./outbox-flag.js";
import { listOutbox, removeFromOutbox, saveToOutbox, updateOutboxItem, type OutboxItem } from "./outbox.js";
import { uploadRecording } from "./recording.js";
import { beaconTicket, createTicket, type TicketTarget } from "./tickets.js";

/** Keys this page is sending right now: a flush must not race the submission it saved itself. */
const activeKeys = new Set<string>();

export type Delivery = "delivered" | "later" | "rejected";

/** ok: attached; queued: kept and sent automatically later; failed: rejected for good; none: nothing to attach. */
export type UploadOutcome = "ok" | "queued" | "failed" | "none";

export interface DeliverOptions {
  retry?: RetryOptions;
  /** The recording while it is still being compressed (first try); a retry sends the item's own. */
  recording?: Promise<Blob | undefined>;
  /** Called once the server has created the ticket (not again for an item created by an earlier attempt). */
  onCreated?(created: TicketCreated): void;
  onProgress?(fraction: number): void;
  /** Why the delivery stopped short: the ticket's error before onCreated, the recording's after. */
  onError?(error: unknown, delivery: Delivery): void;
}

// A ticket still in flight when the tab closes leaves by sendBeacon (same idempotency key: never created twice).
let inflight: OutboxItem | undefined;
addEventListener("pagehide", () => {
  if (inflight) beaconTicket(inflight, inflight.body, inflight.key);
});

/** Retryable failures (offline, 5xx, 408, 429) keep the item; anything else (4xx) will never succeed: drop it. */
async function settleFailure(item: OutboxItem, error: unknown): Promise<Delivery> {
  if (!(error instanceof ApiError) || error.retryable) {
    await updateOutboxItem(item.key, { attempts: item.attempts + 1 });
    return "later";
  }
  await removeFromOutbox(item.key);
  return "rejected";
}

/**
 * A new submission goes into the outbox before anything is sent (claimed, so a flush does not pick it up meanwhile;
 * deliverItem releases it). False when storage is unavailable: it is then sent now or never.
 */
export function putInOutbox(item: OutboxItem): Promise<boolean> {
  activeKeys.add(item.key);
  return saveToOutbox(item);
}

export async function deliverItem(item: OutboxItem, options: DeliverOptions = {}): Promise<Delivery> {
  activeKeys.add(item.key);
  try {
    let created = item.created;
    if (!created) {
      inflight = item;
      try {
        created = await createTicket(item, item.body, item.key, options.retry);
      } finally {
        inflight = undefined;
      }
      options.onCreated?.(created);
      await updateOutboxItem(item.key, { created });
    }
    const recording = options.recording ? await options.recording : item.recording;
    if (recording)
      await uploadRecording(
        item.apiOrigin,
        created.id,
        created.uploadToken,
        recording,
        options.onProgress,
        options.retry,
      );
    await removeFromOutbox(item.key);
    return "delivered";
  } catch (error) {
    // The compressed recording joins the item first: updating the attempts must not race that write.
    await options.recording?.catch(() => undefined);
    const delivery = await settleFailure(item, error);
    options.onError?.(error, delivery);
    return delivery;
  } finally {
    activeKeys.delete(item.key);
  }
}

let flushing: Promise<Delivery[]> | undefined;

/** Sends whatever this site's widget left unsent, oldest first; one flush at a time per page. */
export function flushOutbox(
  target: TicketTarget,
  onCreated: (created: TicketCreated, item: OutboxItem) => void,
  retry: RetryOptions = { attempts: 2 },
): Promise<Delivery[]> {
  flushing ||= (async () => {
    const results: Delivery[] = [];
    try {
      const items = await listOutbox();
      if (!items.length) setOutboxHint(false); // nothing left (delivered by another tab): the next page need not look
      for (const item of items) {
        if (item.apiOrigin !== target.apiOrigin || item.siteKey !== target.siteKey || activeKeys.has(item.key))
          continue;
        const result = await deliverItem(item, {
          retry,
          onCreated: (created) => onCreated(created, item),
          onError: (error, delivery) =>
            delivery === "rejected" && console.warn("[Handoff] a saved ticket was rejected and is discarded", error),
        });
        results.push(result);
        if (result === "later") break; // still offline or the server is struggling: try again next time
      }
    } catch (error) {
      console.warn("[Handoff] could not read the outbox", error);
    } finally {
      flushing = undefined;
    }
    return results;
  })();
  return flushing;
}
