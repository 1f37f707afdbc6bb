/** What the UI needs from the core; the UI knows nothing about capture, recording or HTTP. */
import type { ConversationStore } from "../conversation/sync.js";
import type { ConversationPane, ConversationTabs } from "./Conversations.js";
import type { Strings } from "./strings.js";
import type { ConversationStrings } from "./strings-conversation.js";

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
  /** The customer's conversations and their views, once the conversation chunk is loaded (only when there are some to follow). */
  conversations(): ConversationView | undefined;
}

/** What the conversation chunk hands the dialog: the store, its strings and styles, and the views to render. */
export interface ConversationView {
  store: ConversationStore;
  t: ConversationStrings;
  css: string;
  Tabs: typeof ConversationTabs;
  Pane: typeof ConversationPane;
}

/** What the dialog shows: the new-ticket form (with its own steps), the conversation list, or one thread. */
export type DialogView = { kind: "form" } | { kind: "list" } | { kind: "thread"; id: string };

export type SubmitFailure =
  | { kind: "fields"; fields: Partial<Record<FieldName, string>>; message: string }
  | { kind: "message"; message: string };
