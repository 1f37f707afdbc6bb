import { z } from "zod";

export * from "./attachment-limits.js";
export * from "./attachment-position.js";

export const attachmentSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorType: z.enum(["customer", "agent"]),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Shown inline (an image); other files download. */
  inline: z.boolean(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;
