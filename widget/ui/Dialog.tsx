import { Component, createRef } from "preact";
import { AttachmentPicker, attachmentCss } from "./AttachmentPicker.js";
import { dialogCss } from "./dialog-styles.js";
import { describeFailure, QueuedError, validate } from "./errors.js";
import type { DialogView as View, FieldName, FormValues, UiController, UploadOutcome } from "./types.js";

const FOCUSABLE =
  "button:not([disabled]),input:not([disabled]),textarea:not([disabled]),a[href],[tabindex]:not([tabindex='-1'])";

type Status =
  | { step: "form" }
  | { step: "sending" }
  | { step: "queued" }
  | { step: "done"; id: string; reference: string; upload: UploadOutcome | "running"; progress: number };

interface Props {
  ctrl: UiController;
  theme: { color: string; left: boolean };
  values: FormValues;
  setValues(values: FormValues): void;
  onClose(): void;
  onSent(): void;
}

interface State {
  status: Status;
  errors: Partial<Record<FieldName, string>>;
  alert: string;
  view: View;
}

/** A class component (no hooks): preact/hooks then stays out of the form chunk that every visitor downloads. */
export class Dialog extends Component<Props, State> {
  ref = createRef<HTMLDivElement>();
  timer: ReturnType<typeof setInterval> | undefined;

  constructor(props: Props) {
    super(props);
    // Opening the widget with unread replies shows them first.
    const unread = props.ctrl.conversations()?.store.unread();
    this.state = {
      status: { step: "form" },
      errors: {},
      alert: "",
      view: unread ? { kind: "list" } : { kind: "form" },
    };
  }

  override componentDidMount() {
    // Refresh the preview (recording length, click count) while the dialog is open.
    this.timer = setInterval(() => this.forceUpdate(), 1000);
    this.focusStep();
    this.focusView();
  }

  override componentWillUnmount() {
    clearInterval(this.timer);
  }

  override componentDidUpdate(_prev: Props, before: State) {
    const { status, view } = this.state;
    if (status.step !== before.status.step) this.focusStep();
    if (
      view.kind !== before.view.kind ||
      (view.kind === "thread" && before.view.kind === "thread" && view.id !== before.view.id)
    )
      this.focusView();
  }

  /** After sending: the heading that says what happened; on the form: the first empty field. */
  focusStep() {
    const root = this.ref.current;
    if (!root) return;
    const step = this.state.status.step;
    const target =
      step === "done" || step === "queued"
        ? root.querySelector<HTMLElement>("h2")
        : firstEmpty(root, this.props.values);
    target?.focus();
  }

  focusView() {
    if (this.state.view.kind !== "form") this.ref.current?.querySelector<HTMLElement>("h2")?.focus();
  }

  render() {
    const { ctrl, theme, values, setValues, onClose, onSent } = this.props;
    const { status, errors, alert, view } = this.state;
    const t = ctrl.strings;
    const setStatus = (next: Status) => this.setState({ status: next });
    const setErrors = (next: State["errors"]) => this.setState({ errors: next });
    const setAlert = (next: string) => this.setState({ alert: next });
    const setView = (next: View) => this.setState({ view: next });
    // The conversation chunk, once loaded: only visitors with something to follow (see core.ts) get tabs and threads.
    const conv = ctrl.conversations();

    const newMessage = () => {
      if (status.step === "done" || status.step === "queued") {
        setValues({ ...values, subject: "", description: "" });
        setStatus({ step: "form" });
      }
      setView({ kind: "form" });
    };

    const nav = conv && { t: { ...t, ...conv.t }, store: conv.store, view, setView, onNew: newMessage };

    const focusables = () => Array.from(this.ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose();
      } else if (event.key === "Tab") {
        const items = focusables();
        if (!items.length) return;
        const active = (this.ref.current?.getRootNode() as ShadowRoot).activeElement;
        const first = items[0];
        const last = items[items.length - 1];
        if (event.shiftKey && (active === first || !items.includes(active as HTMLElement))) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (active === last || !items.includes(active as HTMLElement))) {
          event.preventDefault();
          first.focus();
        }
      }
    };

    const set = (field: keyof FormValues) => (event: Event) => {
      const input = event.currentTarget as HTMLInputElement;
      setValues({ ...values, [field]: field === "includeRecording" ? input.checked : input.value });
      if (field in this.state.errors) setErrors({ ...this.state.errors, [field]: undefined });
    };

    const onSubmit = async (event: Event) => {
      event.preventDefault();
      if (status.step === "sending") return;
      const invalid = validate(values, t);
      setErrors(invalid);
      if (Object.keys(invalid).length) {
        setAlert(t.errorFix);
        this.ref.current?.querySelector<HTMLElement>(`#ho-${Object.keys(invalid)[0]}`)?.focus();
        return;
      }
      setAlert("");
      setStatus({ step: "sending" });
      try {
        let progress = 0;
        const sent = await ctrl.submit(values, (fraction) => {
          progress = Math.round(fraction * 100);
          this.setState((st) => (st.status.step === "done" ? { status: { ...st.status, progress } } : null));
        });
        onSent();
        setStatus({
          step: "done",
          id: sent.id,
          reference: sent.reference,
          upload: sent.upload ? "running" : "none",
          progress,
        });
        sent.upload?.then((upload) =>
          this.setState((st) => (st.status.step === "done" ? { status: { ...st.status, upload } } : null)),
        );
      } catch (error) {
        if (error instanceof QueuedError) {
          // Saved in the outbox: the draft is done with, the customer need not keep the tab open.
          onSent();
          setStatus({ step: "queued" });
          return;
        }
        const failure = describeFailure(error, t);
        setStatus({ step: "form" });
        setAlert(failure.message);
        if (failure.kind === "fields") {
          setErrors(failure.fields);
          this.ref.current?.querySelector<HTMLElement>(`#ho-${Object.keys(failure.fields)[0]}`)?.focus();
        }
      }
    };

    const field = (name: FieldName, multiline = false) => {
      const error = errors[name];
      const props = {
        id: `ho-${name}`,
        name,
        value: values[name],
        onInput: set(name),
        "aria-invalid": error ? "true" : undefined,
        "aria-describedby": error ? `ho-${name}-error` : undefined,
        "aria-required": "true",
      } as const;
      return (
        <div class="f">
          <label for={`ho-${name}`}>{t[name]}</label>
          {multiline ? (
            <textarea {...props} maxLength={10000} />
          ) : (
            <input
              {...props}
              type={name === "email" ? "email" : "text"}
              autocomplete={name === "email" ? "email" : "off"}
              maxLength={name === "email" ? 320 : 200}
            />
          )}
          {error && (
            <div class="e" id={`ho-${name}-error`}>
              {error}
            </div>
          )}
        </div>
      );
    };

    const preview = ctrl.preview(values.includeRecording);
    const previewParts = [
      t.previewPage(preview.page),
      t.previewClicks(preview.clicks),
      t.previewErrors(preview.errors),
      preview.recordingSeconds === null ? t.previewNoRecording : t.previewRecording(preview.recordingSeconds),
    ];

    return (
      <div class="d" role="dialog" aria-modal="true" aria-labelledby="ho-title" ref={this.ref} onKeyDown={onKeyDown}>
        <style>{dialogCss(theme.color, theme.left) + attachmentCss}</style>
        {conv && <style>{conv.css}</style>}
        <button type="button" class="x" aria-label={t.close} onClick={onClose}>
          ×
        </button>
        {nav && <conv.Tabs {...nav} />}
        {nav && view.kind !== "form" ? (
          <conv.Pane {...nav} />
        ) : status.step === "queued" ? (
          <div>
            <h2 id="ho-title" tabIndex={-1}>
              {t.queuedTitle}
            </h2>
            <p role="status">{t.queuedBody}</p>
            <div class="b">
              <button type="button" class="s" onClick={onClose}>
                {t.close}
              </button>
            </div>
          </div>
        ) : status.step === "done" ? (
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
            <div class="b">
              <button type="button" class={conv ? "g" : "s"} onClick={onClose}>
                {t.close}
              </button>
              {conv && (
                <button type="button" class="s" onClick={() => setView({ kind: "thread", id: status.id })}>
                  {conv.t.viewConversation}
                </button>
              )}
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <h2 id="ho-title">{t.title}</h2>
            <p>{t.intro}</p>
            {alert && (
              <div class="a" role="alert">
                {alert}
              </div>
            )}
            {field("email")}
            {field("subject")}
            {field("description", true)}
            <AttachmentPicker />
            <div class="f">
              <label class="c" for="ho-recording">
                <input
                  id="ho-recording"
                  type="checkbox"
                  checked={values.includeRecording}
                  onChange={set("includeRecording")}
                />
                <span>{t.includeRecording(ctrl.windowSeconds)}</span>
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
              <button type="submit" class="s" disabled={status.step === "sending"}>
                {status.step === "sending" ? t.sending : t.send}
              </button>
            </div>
          </form>
        )}
      </div>
    );
  }
}

function firstEmpty(root: HTMLElement, values: FormValues): HTMLElement | null {
  const name = !values.email ? "email" : !values.subject ? "subject" : "description";
  return root.querySelector<HTMLElement>(`#ho-${name}`);
}
