/** What the UI needs from the core; the UI knows nothing about capture, recording or HTTP. */
import type { ConversationStore } from "../conversation/sync.js";
import type { ConversationPane, ConversationTabs } from "./Conversations.js";
import type { LauncherStrings, Strings } from "./strings.js";
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
  /** What the recording hides: input fields, and pieces of page text (emails, card numbers, keys…). */
  masked: { fields: number; texts: number };
}

/** ok: attached; queued: kept and sent automatically later; failed: rejected for good; none: nothing to attach. */
export type UploadOutcome = "ok" | "queued" | "failed" | "none";

/**
 * sent: the ticket exists (`upload` settles once the recording is attached, queued or failed; null when none was
 * sent). queued: saved, it goes out automatically later. A refused ticket rejects the promise with a Problem.
 */
export type SubmitResult =
  | {
      kind: "sent";
      id: string;
      reference: string;
      upload: Promise<UploadOutcome> | null;
      /** Names of the form's files that could not be attached, once their uploads settled. */
      filesNotAttached: Promise<string[]>;
    }
  /** blocked: the page's Content-Security-Policy stops it, not the network. */
  | { kind: "queued"; blocked: boolean; sent: Promise<{ id: string; reference: string }> };

/** Why a request failed, as plain data: status 0 when the server could not be reached. */
export interface Problem {
  status: number;
  message: string;
  issues: readonly { path: string; message: string }[];
}

export interface UiController {
  /** The launcher's words, ready before it shows. */
  strings: LauncherStrings;
  /** Every word of the dialog (the launcher's too), fetched with the form chunk on intent. */
  formStrings(): Promise<Strings>;
  windowSeconds: number;
  defaultEmail(): string;
  preview(includeRecording: boolean): Preview;
  submit(values: FormValues, onUploadProgress: (fraction: number) => void): Promise<SubmitResult>;
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
