import { Component } from "preact";
import { ATTACHMENT_LIMITS, isAllowedAttachmentType } from "../../shared/attachment-limits.js";
import {
  attachToThread,
  listThreadAttachments,
  type ThreadAttachment,
  threadAttachmentBlob,
} from "../conversation/attachments.js";
import type { Caller } from "../conversation/client.js";
import type { ConversationStrings } from "./strings-conversation.js";
import { textIntoField } from "./AttachmentPicker.js";
import { BlobImage } from "./BlobImage.js";
import { describeFailure, isProblem } from "./errors.js";
import type { Strings } from "./strings.js";

export interface ThreadAttachmentsProps {
  caller: Caller;
  ticketId: string;
  t: Strings &
    Pick<ConversationStrings, "files" | "filesInConversation" | "attachFile" | "uploadingFile" | "notAttached">;
}
type Props = ThreadAttachmentsProps;

interface State {
  files: ThreadAttachment[];
  /** Object URLs of the image previews, by attachment id. */
  urls: Record<string, string>;
  error: string;
  busy: boolean;
}

/**
 * A conversation's files, both sides' (images previewed), and attaching more: choose, drop, or paste an image
 * anywhere in the thread (the reply box above all).
 * Styles: attachmentCss (AttachmentPicker.tsx), already in the dialog's stylesheet.
 */
export class ThreadAttachments extends Component<Props, State> {
  override state: State = { files: [], urls: {}, error: "", busy: false };
  live = true;
  /** The previews' bytes, by attachment id: drawn on a canvas where the page's CSP blocks blob: images. */
  blobs = new Map<string, Blob>();

  /** The dialog, listened on for pastes: a screenshot is pasted where the customer types, the reply box. */
  dialog: Element | null | undefined;

  override componentDidMount() {
    this.dialog = (this.base as HTMLElement | undefined)?.closest(".d");
    this.dialog?.addEventListener("paste", this.paste);
    listThreadAttachments(this.props.caller, this.props.ticketId).then(
      (files) => this.live && this.show(files),
      () => {
        /* the list is optional: the thread itself still works */
      },
    );
  }

  override componentWillUnmount() {
    this.dialog?.removeEventListener("paste", this.paste);
    this.live = false;
    for (const url of Object.values(this.state.urls)) URL.revokeObjectURL(url);
  }

  /** Adds files to the list and fetches the previews of the images among them. */
  show(added: ThreadAttachment[]) {
    this.setState((s) => ({ files: [...s.files, ...added] }));
    const { caller, ticketId } = this.props;
    for (const file of added) {
      if (!file.inline) continue;
      void threadAttachmentBlob(caller, ticketId, file.id).then(
        (blob) => {
          const url = URL.createObjectURL(blob);
          if (!this.live) return URL.revokeObjectURL(url);
          this.blobs.set(file.id, blob);
          this.setState((s) => ({ urls: { ...s.urls, [file.id]: url } }));
        },
        () => undefined,
      );
    }
  }

  attach = async (picked: File[]) => {
    const { caller, ticketId } = this.props;
    this.setState({ error: "", busy: true });
    // Every file that did not go says so: each one's message replaced the last, so of three refused files the
    // customer was told of one and could take the other two for attached.
    const refused: string[] = [];
    const failed: string[] = [];
    for (const file of picked) {
      if (!isAllowedAttachmentType(file.type) || file.size > ATTACHMENT_LIMITS.maxBytes) {
        refused.push(file.name);
        continue;
      }
      try {
        this.show([await attachToThread(caller, ticketId, file)]);
      } catch (e) {
        // Offline or support down: said as the form says it, in the page's language ("Failed to fetch" was shown).
        const refusedHere = isProblem(e) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
        failed.push(`${file.name}: ${refusedHere ? e.message : describeFailure(e, this.props.t).message}`);
      }
    }
    if (refused.length) failed.unshift(this.props.t.notAttached(refused.join(", ")));
    this.setState({ busy: false, error: failed.join(" ") });
  };

  paste = (event: Event) => {
    const pasted = [...((event as ClipboardEvent).clipboardData?.files ?? [])];
    // Text copied from Excel or Word comes with a picture of itself: into the reply box goes the text.
    if (!pasted.length || textIntoField(event as ClipboardEvent)) return;
    event.preventDefault();
    void this.attach(pasted);
  };

  download = async (file: ThreadAttachment) => {
    const url = URL.createObjectURL(await threadAttachmentBlob(this.props.caller, this.props.ticketId, file.id));
    Object.assign(document.createElement("a"), { href: url, download: file.filename }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  override render(_: Props, { files, urls, error, busy }: State) {
    const { attach, download } = this;
    const { t } = this.props;
    return (
      <section
        class="f at"
        aria-label={t.files}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void attach([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        {files.length > 0 && (
          <ul aria-label={t.filesInConversation}>
            {files.map((file) => (
              <li key={file.id} data-file={file.filename}>
                {urls[file.id] && <BlobImage blob={this.blobs.get(file.id)!} url={urls[file.id]} alt={file.filename} />}
                <button type="button" class="lnk" onClick={() => void download(file)}>
                  {file.filename}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label for="ho-thread-files">{busy ? t.uploadingFile : t.attachFile}</label>
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
}
