import { ATTACHMENT_FILENAME_PARAM } from "../../shared/attachment-limits.js";
import { ATTACHMENT_POSITION_PARAM } from "../../shared/attachment-position.js";
import { attemptFetch, withRetry } from "../transport/http.js";
import { takeDraftFiles } from "./draft.js";

/**
 * Uploads the files picked in the form to the ticket just created, with its upload token (as the recording). A file
 * the server could not take now (storage down, 5xx, offline) is tried again with backoff (Retry-After, up to 5 s); the
 * ticket itself is already safe. Resolves with the names of the files that were not attached, for the customer.
 */
export async function uploadDraftAttachments(
  apiOrigin: string,
  created: { id: string; uploadToken: string },
): Promise<string[]> {
  // All at once, each retried for at most ~10 s: the customer is still looking at the dialog when told. They finish
  // in any order, so each says its place in the customer's pick.
  const outcomes = await Promise.all(
    takeDraftFiles().map(async (file, i) => {
      const url = `${apiOrigin}/api/v1/widget/tickets/${created.id}/attachments?${ATTACHMENT_FILENAME_PARAM}=${encodeURIComponent(file.name)}&${ATTACHMENT_POSITION_PARAM}=${i}`;
      const init = {
        method: "POST",
        headers: { Authorization: `Bearer ${created.uploadToken}`, "Content-Type": file.type },
        body: file,
      };
      try {
        await withRetry(() => attemptFetch(url, init, async () => undefined), { attempts: 3, maxDelayMs: 5_000 });
        return null;
      } catch (error) {
        console.warn(`[Handoff] attachment ${file.name} not attached`, error);
        return file.name;
      }
    }),
  );
  return outcomes.filter((name): name is string => name !== null);
}
