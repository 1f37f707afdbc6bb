import { signal } from "@preact/signals";
import {
  ATTACHMENT_FILENAME_PARAM,
  ATTACHMENT_LIMITS,
  type Attachment,
  attachmentListSchema,
  attachmentSchema,
  isAllowedAttachmentType,
} from "../../../shared/index.js";
import { ApiError, isAbort, json } from "../api.js";
import { announce } from "../keyboard/announcer.js";

const REFRESH_MS = 5000;
export const attachmentUrl = (ticketId: string, id: string) =>
  `/api/v1/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(id)}`;

/** The ticket's files (the customer's and the agents'), and uploads of the agent's own. */
export function createAttachmentsModel(ticketId: string) {
  const attachments = signal<Attachment[]>([]);
  const uploading = signal(0);
  /** An upload that failed: the agent's file is not on the ticket. */
  const error = signal<ApiError | null>(null);
  /** The list could not be read (the server restarting, a dropped connection): gone at the next read that works. */
  const loadError = signal<ApiError | null>(null);
  const path = `/api/v1/tickets/${encodeURIComponent(ticketId)}/attachments`;
  let controller = new AbortController();

  async function load(): Promise<void> {
    try {
      attachments.value = (await json(path, attachmentListSchema, { signal: controller.signal })).attachments;
      loadError.value = null;
    } catch (caught) {
      // Said once, not again at every poll of the outage (an alert re-read every 5 s).
      if (!isAbort(caught) && !loadError.value)
        loadError.value = caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));
    }
  }

  /** Uploads each file; one refused file (type, size) does not stop the others. */
  async function upload(files: File[]): Promise<void> {
    error.value = null;
    for (const file of files) {
      const type = file.type || "application/octet-stream";
      if (!isAllowedAttachmentType(type)) {
        error.value = new ApiError(
          415,
          "unsupported_media_type",
          `${file.name}: files of this type cannot be attached`,
        );
        continue;
      }
      if (file.size > ATTACHMENT_LIMITS.maxBytes) {
        error.value = new ApiError(413, "payload_too_large", `${file.name} is larger than 10 MB`);
        continue;
      }
      uploading.value++;
      try {
        const response = await fetch(`${path}?${ATTACHMENT_FILENAME_PARAM}=${encodeURIComponent(file.name)}`, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": type, Accept: "application/json" },
          body: file,
        });
        const body = await response.json().catch(() => null);
        if (!response.ok) {
          const message =
            (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
          error.value = new ApiError(response.status, "bad_request", `${file.name}: ${message}`);
          continue;
        }
        const added = attachmentSchema.parse(body);
        attachments.value = [...attachments.value.filter((a) => a.id !== added.id), added];
        announce(`Attached ${file.name}: the customer sees it in the widget`);
      } catch {
        error.value = new ApiError(0, "network", `${file.name} was not uploaded: the server could not be reached`);
      } finally {
        uploading.value--;
      }
    }
  }

  return {
    ticketId,
    attachments,
    uploading,
    error,
    loadError,
    load,
    upload,
    start(): () => void {
      void load();
      const timer = setInterval(() => void load(), REFRESH_MS);
      return () => {
        clearInterval(timer);
        controller.abort();
        controller = new AbortController();
      };
    },
  };
}
export type AttachmentsModel = ReturnType<typeof createAttachmentsModel>;
