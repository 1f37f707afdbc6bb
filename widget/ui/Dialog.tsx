import { Component, createRef } from "preact";
import { attachmentCss } from "./AttachmentPicker.js";
import { dialogCss } from "./dialog-styles.js";
import { DoneView, FormView, QueuedView, type Status } from "./dialog-views.js";
import { describeFailure } from "./errors.js";
import { overPage } from "./over-page.js";
import { validate } from "./validate.js";
import type { Strings } from "./strings.js";
import type { DialogView as View, FieldName, FormValues, UiController } from "./types.js";

/** The unsent email, subject and description, per tab: a reload or a plain site's next page keeps them until sent. */
const DRAFT = "handoff-draft";
const keep = (draft: Partial<FormValues> | null) => {
  try {
    if (draft) sessionStorage.setItem(DRAFT, JSON.stringify(draft));
    else sessionStorage.removeItem(DRAFT);
  } catch {} // storage off (sandboxed frame, privacy mode): the draft lives as long as the page
};

const FOCUSABLE =
  "button:not([disabled]),input:not([disabled]),textarea:not([disabled]),a[href],[tabindex]:not([tabindex='-1'])";

interface Props {
  ctrl: UiController;
  t: Strings;
  theme: { color: string; left: boolean };
  /** Adds a stylesheet to the shadow root (once): not a <style> element, which a strict CSP blocks (ui/sheet.ts). */
  style(css: string): void;
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

  leaveModal = () => {};
  host: Element | undefined;

  /**
   * The focus moving inside the widget is not the page's business: a modal library's focus trap (focus-trap, MUI's)
   * sees it land on the widget's host, outside its modal, and took it straight back; the form could not be typed into.
   */
  isolate = (event: Event) => event.target === this.host && event.stopImmediatePropagation();

  override componentDidMount() {
    // First: focus then moves into a form that is on top of the page and not inert.
    const host = (this.ref.current?.getRootNode() as ShadowRoot | undefined)?.host;
    if (host instanceof HTMLElement) {
      this.leaveModal = overPage(host);
      // Hidden from screen readers (or made inert) by the page's open modal, which hides everything else: the form
      // it opened must be read.
      host.removeAttribute("aria-hidden");
      host.removeAttribute("inert");
    }
    this.host = host;
    addEventListener("focusin", this.isolate, true);
    const { values, setValues } = this.props;
    if (!values.subject && !values.description) {
      try {
        const { email = "", subject = "", description = "" } = JSON.parse(sessionStorage.getItem(DRAFT) || "{}");
        // The email too: a reload that kept the message but not the address made the customer type it again.
        if (email || subject || description)
          setValues({ ...values, email: values.email || email, subject, description });
      } catch {}
    }
    // Refresh the preview (recording length, click count) while the dialog is open.
    this.timer = setInterval(() => this.forceUpdate(), 1000);
    this.focusStep();
    this.focusView();
    visualViewport?.addEventListener("resize", this.fit);
    visualViewport?.addEventListener("scroll", this.fit);
    this.fit();
  }

  override componentWillUnmount() {
    this.leaveModal();
    removeEventListener("focusin", this.isolate, true);
    clearInterval(this.timer);
    visualViewport?.removeEventListener("resize", this.fit);
    visualViewport?.removeEventListener("scroll", this.fit);
  }

  /**
   * On a phone (600px wide or 480px high or less on screen) the dialog fills the visible part of the screen: with the
   * keyboard open that is the visual viewport (smaller than the layout viewport, and scrolled), which the phone CSS
   * (dialog-styles.ts) reads as --vh and --vt. A page shown scaled down (no <meta name=viewport>: scale < 1) has the
   * widget zoomed back up by 1/scale (mount.ts), so these lengths are in the zoomed widget's pixels. When the screen
   * shrinks (the keyboard opens), the field being typed into is scrolled back into the smaller dialog.
   */
  fit = (event?: Event) => {
    const v = visualViewport;
    const d = this.ref.current;
    if (!v || !d) return;
    const s = Math.min(v.scale, 1);
    // Short screens too: a phone held sideways (844x390, ~170px high with the keyboard) or a page zoomed to 200 %
    // squeezed the floating dialog to what was left above its 76px offset (70px with the keyboard open).
    d.classList.toggle("m", innerWidth * s <= 600 || innerHeight * s <= 480);
    d.style.setProperty("--vh", `${v.height * s}px`);
    d.style.setProperty("--vt", `${v.offsetTop * s}px`);
    if (event?.type === "resize") (d.getRootNode() as ShadowRoot).activeElement?.scrollIntoView({ block: "nearest" });
  };

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

  setView = (view: View) => this.setState({ view });

  /**
   * Back to the form from a thread, or after a ticket was sent (keeping the email, clearing the rest); `text` is a
   * reply a closed conversation refused, which becomes the new message's description.
   */
  newMessage = (text?: string) => {
    const { status } = this.state;
    const values = { ...this.props.values };
    if (status.step === "done" || status.step === "queued") {
      values.subject = values.description = "";
      this.setState({ status: { step: "form" } });
    }
    if (text) values.description = text;
    this.props.setValues(values);
    this.setView({ kind: "form" });
  };

  /**
   * Escape closes; Tab stays inside the dialog. No key typed here reaches the page: its shortcuts ('/' to search, '?'
   * for help) see the widget's host, not a field, and took the keys (and the focus) the customer typed.
   */
  onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") {
      // Not the page's too: an open modal <dialog> we sit in (over-page.ts) would close with ours.
      event.preventDefault();
      this.props.onClose();
    } else if (event.key === "Tab") {
      const items = Array.from(this.ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      if (!items.length) return;
      const active = (this.ref.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
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

  onInput = (field: keyof FormValues) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const values = { ...this.props.values, [field]: field === "includeRecording" ? input.checked : input.value };
    this.props.setValues(values);
    keep({ email: values.email, subject: values.subject, description: values.description });
    if (field in this.state.errors) this.setState({ errors: { ...this.state.errors, [field]: undefined } });
  };

  focusField(name: string) {
    this.ref.current?.querySelector<HTMLElement>(`#ho-${name}`)?.focus();
  }

  onSubmit = async (event: Event) => {
    event.preventDefault();
    const { ctrl, t, values, onSent } = this.props;
    if (this.state.status.step === "sending") return;
    const invalid = validate(values, t);
    this.setState({ errors: invalid });
    if (Object.keys(invalid).length) {
      this.setState({ alert: t.errorFix });
      this.focusField(Object.keys(invalid)[0]);
      return;
    }
    this.setState({ alert: "", status: { step: "sending" } });
    try {
      let progress = 0;
      const sent = await ctrl.submit(values, (fraction) => {
        progress = Math.round(fraction * 100);
        this.setState((st) => (st.status.step === "done" ? { status: { ...st.status, progress } } : null));
      });
      onSent();
      keep(null);
      // Saved in the outbox: the draft is done with, the customer need not keep the tab open.
      if (sent.kind === "queued") {
        // Back online on this page, the outbox sends it: "will be sent automatically" then becomes "created".
        void sent.sent.then(({ id, reference }) =>
          this.setState((st) =>
            st.status.step === "queued"
              ? { status: { step: "done", id, reference, upload: "none", progress: 0, filesNotAttached: [] } }
              : null,
          ),
        );
        return this.setState({ status: { step: "queued", blocked: sent.blocked } });
      }
      const upload = sent.upload ? "running" : "none";
      this.setState({
        status: { step: "done", id: sent.id, reference: sent.reference, upload, progress, filesNotAttached: [] },
      });
      sent.upload?.then((outcome) =>
        this.setState((st) => (st.status.step === "done" ? { status: { ...st.status, upload: outcome } } : null)),
      );
      void sent.filesNotAttached.then((names) =>
        this.setState((st) =>
          st.status.step === "done" && names.length ? { status: { ...st.status, filesNotAttached: names } } : null,
        ),
      );
    } catch (error) {
      const failure = describeFailure(error, t);
      this.setState({ status: { step: "form" }, alert: failure.message });
      if (failure.kind === "fields") {
        this.setState({ errors: failure.fields });
        this.focusField(Object.keys(failure.fields)[0]);
      }
    }
  };

  render() {
    const { ctrl, t, theme, values, onClose, style } = this.props;
    const { status, errors, alert, view } = this.state;
    // The conversation chunk, once loaded: only visitors with something to follow (see core.ts) get tabs and threads.
    const conv = ctrl.conversations();
    const nav = conv && {
      t: { ...t, ...conv.t },
      store: conv.store,
      view,
      setView: this.setView,
      onNew: this.newMessage,
    };
    style(dialogCss(theme.color, theme.left) + attachmentCss);
    if (conv) style(conv.css);
    return (
      <div
        class="d"
        role="dialog"
        aria-modal="true"
        aria-labelledby="ho-title"
        ref={this.ref}
        onKeyDown={this.onKeyDown}
        onKeyPress={stop}
        onKeyUp={stop}
      >
        <button type="button" class="x" aria-label={t.close} onClick={onClose}>
          ×
        </button>
        {nav && <conv.Tabs {...nav} />}
        {nav && view.kind !== "form" ? (
          <conv.Pane {...nav} />
        ) : status.step === "queued" ? (
          <QueuedView t={t} blocked={status.blocked} onClose={onClose} />
        ) : status.step === "done" ? (
          <DoneView
            t={t}
            status={status}
            conv={conv}
            onClose={onClose}
            onThread={(id) => this.setView({ kind: "thread", id })}
          />
        ) : (
          <FormView
            t={t}
            values={values}
            errors={errors}
            alert={alert}
            sending={status.step === "sending"}
            windowSeconds={ctrl.windowSeconds}
            preview={ctrl.preview(values.includeRecording)}
            onInput={this.onInput}
            onSubmit={this.onSubmit}
            onClose={onClose}
          />
        )}
      </div>
    );
  }
}

const stop = (event: Event) => event.stopPropagation();

function firstEmpty(root: HTMLElement, values: FormValues): HTMLElement | null {
  const name = !values.email ? "email" : !values.subject ? "subject" : "description";
  return root.querySelector<HTMLElement>(`#ho-${name}`);
}
