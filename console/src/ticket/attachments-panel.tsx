import { useEffect, useMemo, useState } from "preact/hooks";
import type { Attachment } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { formatDateTime } from "../ui/format.js";
import { attachmentUrl, createAttachmentsModel, type AttachmentsModel } from "./attachments-model.js";

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Screenshots and files on the ticket, images inline; the agent drops, pastes or picks files to add theirs. */
export function AttachmentsPanel({ ticketId }: { ticketId: string }) {
  const model = useMemo(() => createAttachmentsModel(ticketId), [ticketId]);
  useEffect(() => model.start(), [model]);
  const [dragging, setDragging] = useState(false);
  const list = model.attachments.value;
  return (
    <section
      class={`card attachments${dragging ? " attachments--dragging" : ""}`}
      aria-labelledby="attachments-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void model.upload([...(e.dataTransfer?.files ?? [])]);
      }}
      onPaste={(e) => {
        const files = [...(e.clipboardData?.files ?? [])];
        if (files.length) void model.upload(files);
      }}
    >
      <h2 class="card__title" id="attachments-title">
        Attachments <span class="count">{list.length}</span>
      </h2>
      {/* Both sides' files show in the customer's conversation: an agent must not take them for internal notes. */}
      <p class="muted small" id="attachments-shared">
        The customer sees every file here in the widget, as they see your replies.
      </p>
      {list.length === 0 && !model.loadError.value && <p class="muted">No files yet.</p>}
      <ul class="attachments__list">
        {list.map((a) => (
          <AttachmentItem key={a.id} attachment={a} ticketId={ticketId} />
        ))}
      </ul>
      {model.loadError.value && <ErrorNotice error={model.loadError.value} title="Couldn't load the files" />}
      {model.error.value && <ErrorNotice error={model.error.value} title="Not attached" />}
      <AttachPicker model={model} />
    </section>
  );
}

function AttachmentItem({ attachment, ticketId }: { attachment: Attachment; ticketId: string }) {
  const url = attachmentUrl(ticketId, attachment.id);
  const who = attachment.authorType === "customer" ? "Customer" : "Agent";
  return (
    <li class="attachment" data-attachment={attachment.filename}>
      {attachment.inline && (
        <a href={url} target="_blank" rel="noopener noreferrer">
          <img class="attachment__image" src={url} alt={attachment.filename} loading="lazy" />
        </a>
      )}
      <p class="small">
        <a href={url} download={attachment.filename}>
          {attachment.filename}
        </a>{" "}
        <span class="muted" title={formatDateTime(attachment.createdAt)}>
          {size(attachment.size)} · {who}
        </span>
      </p>
    </li>
  );
}

function AttachPicker({ model }: { model: AttachmentsModel }) {
  return (
    <label class="attachments__picker small">
      <input
        type="file"
        multiple
        aria-label="Attach files"
        aria-describedby="attachments-shared"
        onChange={(e) => {
          void model.upload([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = "";
        }}
      />{" "}
      {model.uploading.value ? "Uploading…" : "Drop, paste or choose files (images, PDF, text, zip; up to 10 MB)"}
    </label>
  );
}
