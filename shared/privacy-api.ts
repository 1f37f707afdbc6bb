import { z } from "zod";

/** Who to erase or export: the email they filed with, or the host app's user id from identify(). */
export const customerSelectorSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(320).optional(),
    customerId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => v.email || v.customerId, "give the customer's email or their user id");
export type CustomerSelector = z.infer<typeof customerSelectorSchema>;

export const erasureResultSchema = z.object({
  tickets: z.number().int(),
  messages: z.number().int(),
  recordings: z.number().int(),
  attachments: z.number().int(),
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

export const retentionSettingsSchema = z.object({
  /** Recordings are deleted this many days after upload (default 90). */
  recordingDays: z.number().int().min(1).max(3650),
  /** Resolved and closed tickets lose their personal data this many days after they were last updated; null: never. */
  anonymiseClosedAfterDays: z.number().int().min(1).max(3650).nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const retentionSweepResultSchema = z.object({
  recordingsDeleted: z.number().int(),
  ticketsAnonymised: z.number().int(),
  /** False when another process was already sweeping: it does the work. */
  ran: z.boolean(),
});
export type RetentionSweepResult = z.infer<typeof retentionSweepResultSchema>;

export const privacyAuditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export const privacyAuditListSchema = z.object({ entries: z.array(privacyAuditEntrySchema) });
export type PrivacyAuditEntry = z.infer<typeof privacyAuditEntrySchema>;

export const PRIVACY_PATHS = {
  retention: "/api/v1/privacy/retention",
  sweep: "/api/v1/privacy/retention/run",
  erase: "/api/v1/privacy/erase",
  export: "/api/v1/privacy/export",
  audit: "/api/v1/privacy/audit",
} as const;
