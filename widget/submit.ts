/**
 * Sending a ticket: build the body, save it in the outbox, create the ticket (retrying), then attach the gzipped
 * recording. Lazily loaded on first submit, so transport code stays off the critical path.
 */
import type { Identity, Metadata } from "../shared/context.js";
import { packEvents } from "../shared/recording-pack.js";
import type { TicketCreateInput, TicketCreated } from "../shared/widget-api.js";
import { cleanIdentity, mergeMetadata } from "./api.js";
import { fitBody } from "./body.js";
import type { Capture } from "./capture/index.js";
import { scrubUrl } from "./capture/scrub.js";
import type { WidgetConfig } from "./config.js";
import { activeKeys, settleFailure } from "./transport/deliver.js";
import { uuid } from "./transport/http.js";
import { removeFromOutbox, saveToOutbox, updateOutboxItem, type OutboxItem } from "./transport/outbox.js";
import { gzipJson, uploadRecording } from "./transport/recording.js";
import { beaconTicket, createTicket } from "./transport/tickets.js";
import { QueuedError } from "./ui/errors.js";
import type { FormValues, Submitted, UploadOutcome } from "./ui/types.js";

export interface SendInput {
  config: WidgetConfig;
  values: FormValues;
  identity: Identity;
  metadata: Metadata;
  openedAt: number | undefined;
  capture: Capture | undefined;
  /** rrweb events to attach; empty when the customer opted out or nothing was recorded. */
  events: { type: number; timestamp: number }[];
  onProgress(fraction: number): void;
  onCreated(created: TicketCreated): void;
}

// A ticket still in flight when the tab closes leaves by sendBeacon (same idempotency key: never created twice).
let inflight: { config: WidgetConfig; body: TicketCreateInput; key: string } | undefined;
addEventListener("pagehide", () => {
  if (inflight) beaconTicket(inflight.config, inflight.body, inflight.key);
});

export function buildBody(input: Omit<SendInput, "onProgress" | "onCreated" | "config">): TicketCreateInput {
  const { values, events } = input;
  const identity = cleanIdentity(input.identity);
  const snapshot = input.capture?.snapshot();
  return fitBody({
    email: values.email.trim(),
    ...(identity.name ? { name: identity.name } : {}),
    subject: values.subject.trim(),
    description: values.description.trim(),
    pageUrl: scrubUrl(location.href),
    pageTitle: document.title.slice(0, 300) || undefined,
    openedAt: input.openedAt,
    submittedAt: Date.now(),
    identity: Object.keys(identity).length ? identity : undefined,
    context: {
      clicks: [],
      navigation: [],
      console: [],
      network: [],
      ...snapshot,
      metadata: mergeMetadata({}, input.metadata),
    },
    recording: events.length
      ? {
          included: true,
          durationMs: events[events.length - 1].timestamp - events[0].timestamp,
          eventCount: events.length,
        }
      : { included: false },
  });
}

/**
 * Saves the submission in the outbox first, then sends it. If the server cannot be reached the item stays in the
 * outbox and QueuedError tells the customer it will go out automatically (next page load, or when back online).
 */
export async function sendTicket(input: SendInput): Promise<Submitted> {
  const { config } = input;
  const body = buildBody(input);
  const key = uuid();
  const item: OutboxItem = {
    key,
    apiOrigin: config.apiOrigin,
    siteKey: config.siteKey,
    body,
    savedAt: Date.now(),
    attempts: 0,
  };
  activeKeys.add(key);
  const saved = await saveToOutbox(item);
  // Compressing runs while the ticket is on its way; the result joins the outbox item as soon as it is ready.
  // Packed first (shared/recording-pack.ts): gzip then gets about twice as far as on the plain JSON.
  const gzip = input.events.length ? gzipJson(packEvents(input.events)) : null;
  const stored =
    gzip && saved
      ? gzip.then(
          (recording) => updateOutboxItem(key, { recording }),
          () => undefined,
        )
      : Promise.resolve();
  inflight = { config, body, key };
  let created: TicketCreated;
  try {
    created = await createTicket(config, body, key);
  } catch (error) {
    await stored;
    activeKeys.delete(key);
    if (saved && (await settleFailure(key, error, 0)) === "later") throw new QueuedError();
    if (!saved) await removeFromOutbox(key);
    throw error;
  } finally {
    inflight = undefined;
  }
  input.onCreated(created);
  await updateOutboxItem(key, { created });
  // The ticket exists now; a failed upload only delays the recording (kept in the outbox), never loses the ticket.
  const upload = (async (): Promise<UploadOutcome> => {
    try {
      await stored;
      if (gzip) await uploadRecording(config.apiOrigin, created.id, created.uploadToken, await gzip, input.onProgress);
      await removeFromOutbox(key);
      return gzip ? "ok" : "none";
    } catch (error) {
      console.warn("[Handoff] recording upload failed", error);
      return saved && (await settleFailure(key, error, 0)) === "later" ? "queued" : "failed";
    } finally {
      activeKeys.delete(key);
    }
  })();
  return { id: created.id, reference: created.reference, upload: gzip ? upload : (void upload, null) };
}
