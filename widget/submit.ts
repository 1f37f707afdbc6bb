/**
 * Sending a ticket: build the body, create the ticket (retrying), then attach the gzipped recording. Lazily loaded
 * on first submit, so transport code stays off the critical path.
 */
import type { Identity, Metadata } from "../shared/context.js";
import type { TicketCreateInput, TicketCreated } from "../shared/widget-api.js";
import { cleanIdentity, mergeMetadata } from "./api.js";
import { fitBody } from "./body.js";
import type { Capture } from "./capture/index.js";
import { scrubUrl } from "./capture/scrub.js";
import type { WidgetConfig } from "./config.js";
import { uuid } from "./transport/http.js";
import { gzipJson, uploadRecording } from "./transport/recording.js";
import { beaconTicket, createTicket } from "./transport/tickets.js";
import type { FormValues, Submitted } from "./ui/types.js";

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
    context: { clicks: [], navigation: [], console: [], network: [], ...snapshot, metadata: mergeMetadata({}, input.metadata) },
    recording: events.length
      ? { included: true, durationMs: events[events.length - 1].timestamp - events[0].timestamp, eventCount: events.length }
      : { included: false },
  });
}

export async function sendTicket(input: SendInput): Promise<Submitted> {
  const body = buildBody(input);
  const key = uuid();
  inflight = { config: input.config, body, key };
  let created: TicketCreated;
  try {
    created = await createTicket(input.config, body, key);
  } finally {
    inflight = undefined;
  }
  input.onCreated(created);
  // The ticket exists now; a failed upload only loses the recording, never the ticket.
  const upload = input.events.length
    ? gzipJson(input.events)
        .then((gz) => uploadRecording(input.config.apiOrigin, created.id, created.uploadToken, gz, input.onProgress))
        .then(
          () => true,
          (error) => {
            console.warn("[Handoff] recording upload failed", error);
            return false;
          },
        )
    : null;
  return { reference: created.reference, upload };
}
