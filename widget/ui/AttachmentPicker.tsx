import { Component } from "preact";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from "../../shared/attachment-limits.js";
import { addDraftFiles, draftFiles, onDraftChange, removeDraftFile } from "../attachments/draft.js";
import { BlobImage } from "./BlobImage.js";
import { type FormStrings, formLocale } from "./strings-form.js";

type Texts = Pick<FormStrings, "attachLabel" | "attachHint" | "attachedFiles" | "removeFile" | "notAttached">;

export const attachmentCss = `.at{border:1px dashed #888;border-radius:6px;padding:8px;font-size:13px;color:#333}
.at--over{border-color:var(--a);background:#f3f4f6}
.at ul{list-style:none;margin:6px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.at li{display:flex;align-items:center;gap:4px;background:#f3f4f6;border-radius:4px;padding:2px 4px}
.at img,.at canvas{width:48px;height:36px;object-fit:cover;border-radius:3px}
.at button{border:0;background:none;cursor:pointer;font-size:15px;line-height:1;padding:0 2px}
.at input{font-size:12px}
.at .lnk{text-decoration:underline;color:inherit;font-size:13px;padding:0}`;

/** A paste that carries text (as well as files) into a text field: the text is what the customer meant. */
export const textIntoField = (event: ClipboardEvent) =>
  !!event.clipboardData?.getData("text/plain").trim() &&
  (event.composedPath()[0] as Element).matches?.("textarea,input");

interface State {
  over: boolean;
  refused: string;
}

/**
 * Screenshots and files for the ticket: choose, drop on the dialog, or paste an image; images are previewed.
 * Listens on the whole dialog (drop, paste) once mounted; returns every listener it added when unmounted.
 */
export class AttachmentPicker extends Component<{ t: Texts }, State> {
  override state: State = { over: false, refused: "" };
  previews = new Map<File, string>();
  teardown: (() => void)[] = [];

  override componentDidMount() {
    this.teardown.push(onDraftChange(() => this.forceUpdate()));
    const dialog = (this.base as HTMLElement | undefined)?.closest(".d");
    if (!dialog) return;
    const on = <K extends keyof HTMLElementEventMap>(type: K, handler: (event: HTMLElementEventMap[K]) => void) => {
      dialog.addEventListener(type, handler as EventListener);
      this.teardown.push(() => dialog.removeEventListener(type, handler as EventListener));
    };
    on("paste", (event) => {
      const files = [...(event.clipboardData?.files ?? [])];
      // A table or text copied from Excel or Word comes with a picture of itself: pasted into a field, the text goes in
      // (the picture was attached instead, and the words never reached the box).
      if (files.length && !textIntoField(event)) {
        event.preventDefault();
        this.add(files);
      }
    });
    on("dragover", (event) => {
      event.preventDefault();
      if (!this.state.over) this.setState({ over: true });
    });
    on("dragleave", () => this.setState({ over: false }));
    on("drop", (event) => {
      event.preventDefault();
      this.setState({ over: false });
      this.add([...(event.dataTransfer?.files ?? [])]);
    });
  }

  override componentWillUnmount() {
    for (const stop of this.teardown) stop();
    for (const url of this.previews.values()) URL.revokeObjectURL(url);
  }

  add(files: File[]) {
    // A file over the limit says its size: "type or size" alone left the customer guessing which it was. So does an
    // empty one (0 MB), which is neither a wrong type nor too big.
    const refused = addDraftFiles(files).map(({ name, size }) =>
      size > ATTACHMENT_LIMITS.maxBytes || !size
        ? `${name} (${(size / 2 ** 20).toLocaleString(formLocale, { maximumFractionDigits: 1 })} MB)`
        : name,
    );
    this.setState({ refused: refused.length ? this.props.t.notAttached(refused.join(", ")) : "" });
  }

  preview(file: File): string | null {
    if (!file.type.startsWith("image/")) return null;
    let url = this.previews.get(file);
    if (!url) {
      url = URL.createObjectURL(file);
      this.previews.set(file, url);
    }
    return url;
  }

  render() {
    const files = draftFiles();
    const { t } = this.props;
    return (
      <div class={`f at${this.state.over ? " at--over" : ""}`}>
        <label for="ho-files">{t.attachLabel}</label>
        <input
          id="ho-files"
          type="file"
          multiple
          accept={ATTACHMENT_TYPES.join(",")}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            this.add([...(input.files ?? [])]);
            input.value = "";
          }}
        />
        <div class="h">{t.attachHint}</div>
        {this.state.refused && (
          <div class="e" role="alert">
            {this.state.refused}
          </div>
        )}
        {files.length > 0 && (
          <ul aria-label={t.attachedFiles}>
            {files.map((file) => {
              const url = this.preview(file);
              return (
                <li key={file.name + file.size} data-file={file.name}>
                  {url && <BlobImage blob={file} url={url} alt="" />}
                  <span>{file.name}</span>
                  <button type="button" aria-label={t.removeFile(file.name)} onClick={() => removeDraftFile(file)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  }
}
