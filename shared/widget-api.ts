import { z } from "zod";
import { LIMITS } from "./limits.js";
import { captureContextSchema, identitySchema } from "./context.js";

export { WIDGET_PATHS, WIDGET_HEADERS, WIDGET_QUERY } from "./widget-paths.js";

export const recordingIntentSchema = z.object({
  /** False when the customer unticked "include recording" or nothing was recorded. */
  included: z.boolean(),
  durationMs: z.number().nonnegative().optional(),
  eventCount: z.number().int().nonnegative().optional(),
});

export const ticketCreateSchema = z.object({
  email: z.email("enter a valid email address").max(320),
  name: z.string().trim().max(200).optional(),
  subject: z.string().trim().min(1, "required").max(LIMITS.subject),
  description: z.string().trim().min(1, "required").max(LIMITS.description),
  pageUrl: z.string().max(LIMITS.url),
  pageTitle: z.string().max(300).optional(),
  /** When the customer opened the widget (epoch ms): a marker on the replay timeline. */
  openedAt: z.number().int().nonnegative().optional(),
  /** When the customer pressed send (epoch ms); retries keep the original. */
  submittedAt: z.number().int().nonnegative().optional(),
  identity: identitySchema.optional(),
  context: captureContextSchema.default({ clicks: [], navigation: [], console: [], network: [], metadata: {} }),
  recording: recordingIntentSchema.default({ included: false }),
});
export type TicketCreate = z.infer<typeof ticketCreateSchema>;
export type TicketCreateInput = z.input<typeof ticketCreateSchema>;

export const ticketCreatedSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  /** Authorises the recording upload for this ticket only. */
  uploadToken: z.string(),
  /**
   * Only when identify() sent a jwt or userHash that did not verify: why, for the developer (the widget prints it in
   * the page's console). The ticket is stored all the same, its customer unverified.
   */
  identityWarning: z.string().optional(),
});
export type TicketCreated = z.infer<typeof ticketCreatedSchema>;

/**
 * The recording body (PUT): gzip of JSON.stringify(events), events being rrweb eventWithTime objects, or gzip of
 * JSON.stringify(packEvents(events)) (shared/recording-pack.ts), which the widget sends. GET always returns events.
 */
export const rrwebEventSchema = z.looseObject({
  type: z.number().int(),
  timestamp: z.number(),
});
export type RrwebEvent = z.infer<typeof rrwebEventSchema>;
