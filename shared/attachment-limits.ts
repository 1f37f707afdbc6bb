/** Attachment limits and types, zod-free so the widget bundle can import them. */
/** Files customers and agents attach to a ticket. Limits are enforced by the server and checked first by the UIs. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  filename: 200,
} as const;

/** Images shown inline (previews, the console). SVG is not one of them: it can carry script. */
export const INLINE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** What may be attached; anything else is refused with 415. */
export const ATTACHMENT_TYPES = [
  ...INLINE_IMAGE_TYPES,
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/json",
  "application/zip",
  "video/mp4",
  "video/webm",
] as const;

export const isInlineImage = (contentType: string) => (INLINE_IMAGE_TYPES as readonly string[]).includes(contentType);
export const isAllowedAttachmentType = (contentType: string) =>
  (ATTACHMENT_TYPES as readonly string[]).includes(contentType);

/** Uploads send the raw bytes as the body, the type as Content-Type and the name in this query parameter. */
export const ATTACHMENT_FILENAME_PARAM = "filename";
