import { ATTACHMENT_LIMITS, isAllowedAttachmentType } from "../../shared/attachment-limits.js";

/**
 * Files the customer picked for the ticket they are writing. Kept outside the form values: File objects cannot be
 * saved with the draft, and the dialog stays unaware of them (the picker renders them, the submit uploads them).
 */
let files: File[] = [];
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export const draftFiles = (): readonly File[] => files;

/** Adds files, refusing those over the limit or of a type that cannot be attached; returns the refused ones. */
export function addDraftFiles(added: File[]): { name: string; size: number }[] {
  const refused: { name: string; size: number }[] = [];
  for (const file of added) {
    const name = file.name || "screenshot.png";
    if (!isAllowedAttachmentType(file.type) || file.size > ATTACHMENT_LIMITS.maxBytes || file.size === 0) {
      refused.push({ name, size: file.size });
      continue;
    }
    files = [...files, file.name ? file : new File([file], name, { type: file.type })];
  }
  notify();
  return refused;
}

export function removeDraftFile(file: File): void {
  files = files.filter((f) => f !== file);
  notify();
}

/** Hands the files over to the upload and clears the draft. */
export function takeDraftFiles(): File[] {
  const taken = files;
  files = [];
  notify();
  return taken;
}

export function onDraftChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
