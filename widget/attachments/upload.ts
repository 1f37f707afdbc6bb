import { ATTACHMENT_FILENAME_PARAM } from "../../shared/attachment-limits.js";
import { takeDraftFiles } from "./draft.js";

/**
 * Uploads the files picked in the form to the ticket just created, with its upload token (as the recording).
 * A failed file is logged and skipped: the ticket itself is already safe.
 */
export async function uploadDraftAttachments(
  apiOrigin: string,
  created: { id: string; uploadToken: string },
): Promise<number> {
  let sent = 0;
  for (const file of takeDraftFiles()) {
    const url = `${apiOrigin}/api/v1/widget/tickets/${created.id}/attachments?${ATTACHMENT_FILENAME_PARAM}=${encodeURIComponent(file.name)}`;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${created.uploadToken}`, "Content-Type": file.type },
        body: file,
      });
      if (response.ok) sent++;
      else console.warn(`[Handoff] attachment ${file.name} refused: HTTP ${response.status}`);
    } catch (error) {
      console.warn(`[Handoff] attachment ${file.name} not sent`, error);
    }
  }
  return sent;
}
