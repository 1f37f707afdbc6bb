/** The dialog's own steps as plain function components (no hooks: preact/hooks stays out of the form chunk). */
import { AttachmentPicker } from "./AttachmentPicker.js";
import type { Strings } from "./strings.js";
import type { ConversationView, FieldName, FormValues, Preview, UploadOutcome } from "./types.js";

export type Status =
  | { step: "form" }
  | { step: "sending" }
  | { step: "queued"; blocked: boolean }
  | {
      step: "done";
      id: string;
      reference: string;
      upload: UploadOutcome | "running";
      progress: number;
      filesNotAttached: string[];
    };

export function QueuedView({ t, blocked, onClose }: { t: Strings; blocked: boolean; onClose(): void }) {
  return (
    <div>
      <h2 id="ho-title" tabIndex={-1}>
        {blocked ? t.blockedTitle : t.queuedTitle}
      </h2>
      <p role="status">{blocked ? t.blockedBody : t.queuedBody}</p>
      <div class="b">
        <button type="button" class="s" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}

interface DoneProps {
  t: Strings;
  status: Extract<Status, { step: "done" }>;
  conv: ConversationView | undefined;
  onClose(): void;
  onThread(id: string): void;
}

export function DoneView({ t, status, conv, onClose, onThread }: DoneProps) {
  return (
    <div>
      <h2 id="ho-title" tabIndex={-1}>
        {t.created(status.reference)}
      </h2>
      <p role="status">{t.createdBody}</p>
      {status.upload === "running" && (
        <div role="status">
          <p>{t.uploading(status.progress)}</p>
          <progress max={100} value={status.progress} aria-label={t.uploading(status.progress)} />
        </div>
      )}
      {status.upload === "ok" && <p role="status">{t.uploaded}</p>}
      {status.upload === "queued" && <p role="status">{t.uploadQueued}</p>}
      {status.upload === "failed" && <p role="alert">{t.uploadFailed}</p>}
      {status.filesNotAttached.length > 0 && (
        <p role="alert">{t.filesNotAttached(status.filesNotAttached.join(", "))}</p>
      )}
      <div class="b">
        <button type="button" class={conv ? "g" : "s"} onClick={onClose}>
          {t.close}
        </button>
        {conv && (
          <button type="button" class="s" onClick={() => onThread(status.id)}>
            {conv.t.viewConversation}
          </button>
        )}
      </div>
    </div>
  );
}

interface FormProps {
  t: Strings;
  values: FormValues;
  errors: Partial<Record<FieldName, string>>;
  alert: string;
  sending: boolean;
  windowSeconds: number;
  preview: Preview;
  onInput(field: keyof FormValues): (event: Event) => void;
  onSubmit(event: Event): void;
  onClose(): void;
}

export function FormView(props: FormProps) {
  const { t, values, alert, sending, preview, onInput, onClose } = props;
  const previewParts = [
    t.previewPage(preview.page),
    t.previewClicks(preview.clicks),
    t.previewErrors(preview.errors),
    preview.recordingSeconds === null ? t.previewNoRecording : t.previewRecording(preview.recordingSeconds),
  ];
  const { fields, texts } = preview.masked;
  if (preview.recordingSeconds !== null && (fields || texts)) previewParts.push(t.previewMasked(fields, texts));
  return (
    <form onSubmit={props.onSubmit} noValidate>
      <h2 id="ho-title">{t.title}</h2>
      <p>{t.intro}</p>
      {alert && (
        <div class="a" role="alert">
          {alert}
        </div>
      )}
      <Field {...props} name="email" />
      <Field {...props} name="subject" />
      <Field {...props} name="description" multiline />
      <AttachmentPicker t={t} />
      <div class="f">
        <label class="c" for="ho-recording">
          <input
            id="ho-recording"
            type="checkbox"
            checked={values.includeRecording}
            onChange={onInput("includeRecording")}
          />
          <span>{t.includeRecording(props.windowSeconds)}</span>
        </label>
        <div class="h">{t.recordingHint}</div>
      </div>
      <p class="p" id="ho-preview">
        {t.previewLabel} {previewParts.join(", ")}
      </p>
      <div class="b">
        <button type="button" class="g" onClick={onClose}>
          {t.cancel}
        </button>
        <button type="submit" class="s" disabled={sending}>
          {sending ? t.sending : t.send}
        </button>
      </div>
    </form>
  );
}

function Field({ t, values, errors, onInput, name, multiline }: FormProps & { name: FieldName; multiline?: boolean }) {
  const error = errors[name];
  const props = {
    id: `ho-${name}`,
    name,
    value: values[name],
    onInput: onInput(name),
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": error ? `ho-${name}-error` : undefined,
    "aria-required": "true",
  } as const;
  return (
    <div class="f">
      <label for={`ho-${name}`}>{t[name]}</label>
      {multiline ? (
        // No maxLength on subject or description: the browser would cut a long paste without a word; validate.ts
        // refuses it with the count instead, and the text stays as written.
        <textarea {...props} />
      ) : (
        <input
          {...props}
          type={name === "email" ? "email" : "text"}
          autocomplete={name === "email" ? "email" : "off"}
          maxLength={name === "email" ? 320 : undefined}
        />
      )}
      {error && (
        <div class="e" id={`ho-${name}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
