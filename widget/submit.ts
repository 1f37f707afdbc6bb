/**
 * Sending a ticket: build the body, put it in the outbox, then deliver it with progress (transport/deliver.ts, the
 * same path every retry takes). Lazily loaded on first submit, so transport code stays off the critical path.
 */
import type { Identity, Metadata } from "../shared/context.js";
import { packEvents } from "../shared/recording-pack.js";
import type { TicketCreateInput, TicketCreated } from "../shared/widget-api.js";
import { cleanIdentity, mergeMetadata } from "./api.js";
import { fitBody } from "./body.js";
import type { Capture } from "./capture/index.js";
import { maskPatterns } from "./capture/patterns.js";
import { scrubUrl } from "./capture/scrub.js";
import type { WidgetConfig } from "./config.js";
import type { Recorder } from "./recorder/index.js";
import type { FormValues, Preview } from "./ui/types.js";
import { rememberTicket } from "./conversation/storage.js";
import { deliverItem, flushOutbox, putInOutbox, type UploadOutcome } from "./transport/deliver.js";
import { updateOutboxItem, type OutboxItem } from "./transport/outbox.js";
import { gzipJson } from "./transport/recording.js";
import { uuid } from "./transport/uuid.js";
import { uploadDraftAttachments } from "./attachments/upload.js";
import { formLocale } from "./ui/strings-form.js";
import { blockedByCsp } from "./transport/csp.js";

export interface FormInput {
  email: string;
  subject: string;
  description: string;
}

export interface SendInput {
  config: WidgetConfig;
  values: FormInput;
  identity: Identity;
  metadata: Metadata;
  openedAt: number | undefined;
  capture: Capture | undefined;
  /** rrweb events to attach; empty when the customer opted out or nothing was recorded. */
  events: { type: number; timestamp: number }[];
  /** The language the widget speaks here (en, de, fr…), so support answers in it. */
  locale?: string;
  onProgress(fraction: number): void;
  onCreated(created: TicketCreated): void;
}

/** What the running widget holds that a ticket is made of (core.ts's session). */
export type TicketSource = Omit<SendInput, "values" | "events" | "onProgress" | "onCreated"> & {
  recorder: Recorder | undefined;
};

const EVENT_FULL_SNAPSHOT = 2;

/** The buffered recording, or nothing if it has no full snapshot yet (not replayable). */
function recordingEvents(s: TicketSource) {
  const events = s.recorder?.getEvents() ?? [];
  return events.some((e) => e.type === EVENT_FULL_SNAPSHOT) ? events : [];
}

/** What the form says will be sent. Here, not in core.ts: only the form asks, so it loads with the form. */
export function previewTicket(s: TicketSource, includeRecording: boolean): Preview {
  const snapshot = s.capture?.snapshot();
  const recording = includeRecording && s.recorder && recordingEvents(s).length ? s.recorder : undefined;
  const duration = recording ? recording.durationMs() : null;
  return {
    masked: recording?.masked() ?? { fields: 0, texts: 0 },
    page: s.capture ? s.capture.pagePath() : location.pathname,
    clicks: snapshot?.clicks.length ?? 0,
    errors: (snapshot?.console.filter((c) => c.level === "error").length ?? 0) + (snapshot?.network.length ?? 0),
    recordingSeconds: duration === null ? null : Math.max(1, Math.round(duration / 1000)),
  };
}

/** The form's Send: the values, the session's context and (unless the customer opted out) its recording. */
export const submitTicket = (
  s: TicketSource,
  values: FormValues,
  onProgress: SendInput["onProgress"],
  onCreated: SendInput["onCreated"],
) => sendTicket({ ...s, values, events: values.includeRecording ? recordingEvents(s) : [], onProgress, onCreated });

/** Sent: the ticket exists (`upload` settles once the recording is attached, queued or failed; null when none). */
export type SendResult =
  | {
      kind: "sent";
      id: string;
      reference: string;
      upload: Promise<UploadOutcome> | null;
      /** The names of the form's files that could not be attached (empty when all were, or there were none). */
      filesNotAttached: Promise<string[]>;
    }
  /** blocked: the page's Content-Security-Policy stops it, not the network (it stays saved all the same). */
  | { kind: "queued"; blocked: boolean; sent: Promise<TicketCreated> };

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
    // Titles carry addresses and numbers too ("Inbox - jane@example.com", "Invoice for 4111…").
    pageTitle: asShown(maskPatterns(document.title.slice(0, 300))) || undefined,
    openedAt: input.openedAt,
    submittedAt: Date.now(),
    identity: Object.keys(identity).length ? identity : undefined,
    context: asShown({
      clicks: [],
      navigation: [],
      console: [],
      network: [],
      ...snapshot,
      metadata: scrubMetadata(mergeMetadata({}, input.metadata), identity.email),
      locale: input.locale,
    }),
    recording: events.length
      ? {
          included: true,
          durationMs: events[events.length - 1].timestamp - events[0].timestamp,
          eventCount: events.length,
        }
      : { included: false },
  });
}

const HIDDEN = /[\xad\u200b-\u200d\u2060\ufeff０-９]/;

/**
 * Captured text (click text, console messages, titles, metadata) as a reader sees it, where the page wrote it with
 * invisible characters (soft hyphens, zero-width spaces) or full-width digits: what they hid from the patterns when it
 * was captured (j&shy;ane@exam&shy;ple.com, ４２４２ …) is masked now, before it leaves. Other text stays as captured.
 */
function asShown<T>(value: T): T {
  if (typeof value === "string") {
    if (!HIDDEN.test(value)) return value;
    // NFKC may lengthen a few characters (㍻): never past the limit the text was captured to.
    const plain = value.normalize("NFKC").replace(/[\xad\u200b-\u200d\u2060\ufeff]/g, "");
    return maskPatterns(plain).slice(0, value.length) as T;
  }
  if (Array.isArray(value)) return value.map(asShown) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asShown(v)])) as T;
  return value;
}

/**
 * Card numbers, IBANs and secrets never leave in metadata; emails only when they are the identified user's own. A
 * number is looked at as its digits (a card number passed as a number), and sent masked as text if it is one.
 */
function scrubMetadata(metadata: Metadata, ownEmail: string | undefined): Metadata {
  const own = ownEmail?.trim().toLowerCase();
  const out: Metadata = {};
  for (const [key, value] of Object.entries(metadata)) {
    const text = typeof value === "string" || typeof value === "number" ? String(value) : undefined;
    const masked = text === undefined ? text : maskPatterns(text, undefined, (e) => e.toLowerCase() === own);
    out[key] = masked === text ? value : (masked as string);
  }
  return out;
}

/**
 * Puts the submission in the outbox, then delivers it. Resolves once the ticket exists, or with "queued" when the
 * server cannot be reached now (it goes out automatically: next page load, or when back online). Rejects with the
 * transport's error when the server refused it, or when it could not be saved for later.
 */
export async function sendTicket(input: SendInput): Promise<SendResult> {
  const { config } = input;
  const item: OutboxItem = {
    key: uuid(),
    apiOrigin: config.apiOrigin,
    siteKey: config.siteKey,
    body: buildBody({ ...input, locale: formLocale }),
    savedAt: Date.now(),
    attempts: 0,
  };
  const saved = await putInOutbox(item);
  // Compressing runs while the ticket is on its way; the result joins the outbox item as soon as it is ready.
  // Packed first (shared/recording-pack.ts): gzip then gets about twice as far as on the plain JSON.
  const gzip = input.events.length ? gzipJson(packEvents(input.events)) : undefined;
  const recording = gzip?.then(async (blob) => {
    if (saved) await updateOutboxItem(item.key, { recording: blob });
    return blob;
  });
  let error: unknown;
  let isCreated = false;
  let filesNotAttached: Promise<string[]> = Promise.resolve([]);
  let created: (value: TicketCreated) => void = () => undefined;
  const creation = new Promise<TicketCreated>((resolve) => (created = resolve));
  const delivery = deliverItem(item, {
    recording: recording ?? Promise.resolve(undefined),
    onProgress: input.onProgress,
    onCreated: (ticket) => {
      // For the developer: the customer got their ticket either way, but support sees them unverified.
      if (ticket.identityWarning) console.warn(`[Handoff] ${ticket.identityWarning}`);
      rememberTicket(config.siteKey, ticket);
      isCreated = true;
      // The files picked in the form (in memory only: a queued ticket sent on a later visit has none).
      filesNotAttached = uploadDraftAttachments(config.apiOrigin, ticket);
      input.onCreated(ticket);
      created(ticket);
    },
    onError: (e) => {
      error = e;
      if (isCreated) console.warn("[Handoff] recording upload failed", e);
    },
  });
  const first = await Promise.race([creation, delivery]);
  if (typeof first === "string") {
    // Never created: kept for later if it could be saved, otherwise the customer sees why.
    if (saved && first === "later") {
      // Sent later by a retry on this page (back online): the open dialog then says so, and the thread follows.
      const sent = new Promise<TicketCreated>((resolve) => waiting.set(item.key, resolve));
      void sent.then(input.onCreated);
      return { kind: "queued", blocked: blockedByCsp(config.apiOrigin), sent };
    }
    throw error;
  }
  // The ticket exists now; a failed upload only delays the recording (kept in the outbox), never loses the ticket.
  const upload = delivery.then((d): UploadOutcome => {
    if (d === "delivered") return gzip ? "ok" : "none";
    return saved && d === "later" ? "queued" : "failed";
  });
  return { kind: "sent", id: first.id, reference: first.reference, upload: gzip ? upload : null, filesNotAttached };
}

/** Queued tickets of this page by outbox key: what their form waits to hear once a retry has created them. */
const waiting = new Map<string, (created: TicketCreated) => void>();

/** Retries what this site's widget left in the outbox (the same delivery, without progress). */
export const retryOutbox = (config: WidgetConfig) =>
  flushOutbox(config, (created, item) => {
    rememberTicket(config.siteKey, created);
    waiting.get(item.key)?.(created);
    waiting.delete(item.key);
  }).then(
    // A saved message that cannot leave this page: the developer's console says which directive to add.
    (results) => results.includes("later") && blockedByCsp(config.apiOrigin),
  );
