import { useEffect, useState } from "preact/hooks";
import { ATTACHMENT_LIMITS, isAllowedAttachmentType } from "../../shared/attachment-limits.js";
import {
  attachToThread,
  listThreadAttachments,
  type ThreadAttachment,
  threadAttachmentBlob,
} from "../conversation/attachments.js";
import type { Caller } from "../conversation/client.js";

/**
 * A conversation's files, both sides' (images previewed), and attaching more: choose, drop or paste an image.
 * Styles: attachmentCss (AttachmentPicker.tsx), already in the dialog's stylesheet.
 */
export function ThreadAttachments({ caller, ticketId }: { caller: Caller; ticketId: string }) {
  const [files, setFiles] = useState<ThreadAttachment[]>([]);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const load = () =>
    listThreadAttachments(caller, ticketId).then(setFiles, () => {
      /* the list is optional: the thread itself still works */
    });
  useEffect(() => {
    void load();
  }, [ticketId]);
  useEffect(() => {
    for (const file of files) {
      if (!file.inline || urls[file.id]) continue;
      void threadAttachmentBlob(caller, ticketId, file.id).then(
        (blob) => setUrls((u) => ({ ...u, [file.id]: URL.createObjectURL(blob) })),
        () => undefined,
      );
    }
  }, [files]);
  useEffect(() => () => Object.values(urls).forEach((u) => URL.revokeObjectURL(u)), []);

  const attach = async (picked: File[]) => {
    setError("");
    setBusy(true);
    for (const file of picked) {
      if (!isAllowedAttachmentType(file.type) || file.size > ATTACHMENT_LIMITS.maxBytes) {
        setError(`Not attached (type or size, max 10 MB): ${file.name}`);
        continue;
      }
      try {
        const added = await attachToThread(caller, ticketId, file);
        setFiles((f) => [...f, added]);
      } catch (e) {
        setError(`${file.name}: ${(e as Error).message}`);
      }
    }
    setBusy(false);
  };

  const download = async (file: ThreadAttachment) => {
    const url = URL.createObjectURL(await threadAttachmentBlob(caller, ticketId, file.id));
    Object.assign(document.createElement("a"), { href: url, download: file.filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <section
      class="f at"
      aria-label="Files"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void attach([...(e.dataTransfer?.files ?? [])]);
      }}
      onPaste={(e) => {
        const pasted = [...(e.clipboardData?.files ?? [])];
        if (pasted.length) void attach(pasted);
      }}
    >
      {files.length > 0 && (
        <ul aria-label="Files in this conversation">
          {files.map((file) => (
            <li key={file.id} data-file={file.filename}>
              {urls[file.id] && <img src={urls[file.id]} alt={file.filename} />}
              <button type="button" class="lnk" onClick={() => void download(file)}>
                {file.filename}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for="ho-thread-files">{busy ? "Uploading…" : "Attach a screenshot or file"}</label>
      <input
        id="ho-thread-files"
        type="file"
        multiple
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          void attach([...(input.files ?? [])]);
          input.value = "";
        }}
      />
      {error && (
        <div class="e" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
