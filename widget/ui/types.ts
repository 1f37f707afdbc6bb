/** What the UI needs from the core; the UI knows nothing about capture, recording or HTTP. */
import type { ConversationStore } from "../conversation/sync.js";
import type { Strings } from "./strings.js";

export interface FormValues {
  email: string;
  subject: string;
  description: string;
  includeRecording: boolean;
}

export type FieldName = "email" | "subject" | "description";

export interface Preview {
  page: string;
  clicks: number;
  errors: number;
  /** null when there is no recording (yet) */
  recordingSeconds: number | null;
}

/** ok: attached; queued: kept and sent automatically later; failed: rejected for good; none: nothing to attach. */
export type UploadOutcome = "ok" | "queued" | "failed" | "none";

export interface Submitted {
  id: string;
  reference: string;
  /** Settles once the recording is attached (or queued, or failed); null when none was sent. */
  upload: Promise<UploadOutcome> | null;
}

export interface UiController {
  strings: Strings;
  windowSeconds: number;
  defaultEmail(): string;
  preview(includeRecording: boolean): Preview;
  submit(values: FormValues, onUploadProgress: (fraction: number) => void): Promise<Submitted>;
  onOpenChange(open: boolean): void;
  /** The customer's conversations, once loaded (lazily, with the dialog or when there are some to follow). */
  conversations(): ConversationStore | undefined;
}

export type SubmitFailure =
  | { kind: "fields"; fields: Partial<Record<FieldName, string>>; message: string }
  | { kind: "message"; message: string };
