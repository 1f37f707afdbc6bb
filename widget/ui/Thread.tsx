import { Component } from "preact";
import { WIDGET_LIMITS } from "../../shared/limits.js";
import type { ConversationStore } from "../conversation/sync.js";
import { describeFailure, isProblem } from "./errors.js";
import { Feedback } from "./Feedback.js";
import { LazyThreadAttachments } from "./LazyThreadAttachments.js";
import type { Strings } from "./strings.js";
import type { ConversationStrings } from "./strings-conversation.js";

type T = Strings & ConversationStrings;

/**
 * Web addresses in a message as links (only http(s): nothing else, javascript: included, ever becomes one), opened in
 * a new tab without access to the host page. Trailing punctuation ends the sentence, not the address.
 */
const linked = (body: string) =>
  body.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/).map((part, i) =>
    i % 2 ? (
      <a href={part} target="_blank" rel="noopener noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

interface ThreadProps {
  t: T;
  store: ConversationStore | undefined;
  id: string;
  onBack(): void;
  onNew(text?: string): void;
}

interface ThreadState {
  draft: string;
  error: string;
  closed: boolean;
  sending: boolean;
  /** The browser is offline: the reply being sent waits for the connection. */
  offline?: boolean;
  /** "Show earlier messages": loading, or why it failed. */
  older: "" | "busy" | string;
  /** Support's newest reply, read out when it arrives while the thread is open. */
  heard?: string;
}

/**
 * One conversation: the customer's messages and support's public replies, a reply box, and the feedback questions.
 * A class component, as every widget component: preact/hooks stays out of the widget's bytes.
 */
export class Thread extends Component<ThreadProps, ThreadState> {
  // The draft lives in the store too: closing the dialog (Escape, the launcher) unmounts the thread, not the words.
  override state: ThreadState = {
    draft: this.props.store?.draft(this.props.id) ?? "",
    error: "",
    closed: false,
    sending: false,
    older: "",
  };

  setDraft(draft: string) {
    this.props.store?.setDraft(this.props.id, draft);
    this.setState({ draft, error: "" });
  }

  /** The newest reply from support on screen (null: none yet; undefined: the thread has not loaded). */
  lastReply: string | null | undefined;

  // While the thread is on screen, every reply in it counts as read (also those arriving while it is open).
  override componentDidMount() {
    this.props.store?.markRead(this.props.id);
    this.hear();
  }

  override componentDidUpdate() {
    this.props.store?.markRead(this.props.id);
    this.hear();
  }

  /**
   * A reply from support that arrives while the thread is open is read out (a status line only screen readers see):
   * it was added to the list in silence, so a customer who cannot see the screen never learnt support had answered.
   */
  hear() {
    const c = this.props.store?.list().find((x) => x.id === this.props.id);
    if (!c) return;
    const reply = c.messages.filter((m) => m.authorType === "agent").pop();
    const id = reply?.id ?? null;
    if (id === this.lastReply) return;
    if (reply && this.lastReply !== undefined)
      this.setState({ heard: `${reply.authorName || this.props.t.support}: ${reply.body}` });
    this.lastReply = id;
  }

  send = async (event: Event) => {
    event.preventDefault();
    const { t, store, id } = this.props;
    const { draft, sending } = this.state;
    if (sending || !store) return;
    if (!draft.trim()) return this.setState({ error: t.required });
    // No maxLength on the box: a paste beyond it would be cut silently; say so and keep every word instead.
    if (draft.trim().length > WIDGET_LIMITS.messageBody) return this.setState({ error: t.tooLong });
    this.setState({ sending: true, error: "" });
    const sent = draft.trim();
    try {
      await store.reply(id, sent, (offline) => this.setState({ offline }));
      // Only what was sent leaves the box: words added while it was on its way (a slow network) stay.
      const now = this.state.draft.trimStart();
      this.setDraft(now.startsWith(sent) ? now.slice(sent.length).trimStart() : now);
    } catch (e) {
      if (isProblem(e) && e.status === 409) this.setState({ closed: true });
      else if (isProblem(e) && e.status === 422) this.setState({ error: t.tooLong });
      else this.setState({ error: describeFailure(e, t).message });
    } finally {
      // Send was disabled while the reply went out, which took the keyboard's focus with it (to the page: Escape and
      // Tab no longer reached the widget). Back to the reply box, or the title of a thread that was closed meanwhile.
      this.setState({ sending: false }, () => this.keepFocus("#ho-reply", "h2"));
    }
  };

  /** When the keyboard's focus has left the widget for the page: back to the first of `selectors` in the thread. */
  keepFocus(...selectors: string[]) {
    const root = this.base as HTMLElement | null;
    if (!root || (root.getRootNode() as ShadowRoot).activeElement) return;
    for (const selector of selectors) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  showOlder = async () => {
    const { t, store, id } = this.props;
    if (!store || this.state.older === "busy") return;
    this.setState({ older: "busy" });
    try {
      await store.older(id);
      // The last earlier page loaded takes its button away, and the keyboard's focus with it (to the page): the
      // focus goes to the thread's title, from where the earlier messages read on.
      this.setState({ older: "" }, () => this.keepFocus("h2"));
    } catch (e) {
      this.setState({ older: describeFailure(e, t).message });
    }
  };

  override render(
    { t, store, id, onBack, onNew }: ThreadProps,
    { draft, error, closed, sending, offline, older, heard }: ThreadState,
  ) {
    const c = store?.list().find((x) => x.id === id);
    const back = (
      <button type="button" class="g" onClick={onBack}>
        {t.back}
      </button>
    );
    // A ticket filed a moment ago arrives with the list's refresh.
    if (!c)
      return (
        <div>
          <p role="status">{t.loading}</p>
          {back}
        </div>
      );
    const isClosed = closed || c.status === "closed";
    const messages = [
      { id: "first", authorType: "customer", authorName: null, body: c.description, createdAt: c.createdAt },
      ...c.messages,
    ];
    return (
      <div>
        <h2 id="ho-title" tabIndex={-1} dir="auto">
          {c.subject}
        </h2>
        <p class="cm">
          {c.reference} · {t.status[c.status]}
        </p>
        <ol class="ms" aria-label={c.subject}>
          {messages.map((m, i) => [
            // The thread's first page comes with the list; earlier ones load between the description and it.
            i === 1 && c.olderCursor && (
              <li key="older">
                <button
                  type="button"
                  class="g"
                  aria-busy={older === "busy" ? "true" : undefined}
                  onClick={this.showOlder}
                >
                  {older === "busy" ? t.loading : t.earlier}
                </button>
                {older && older !== "busy" && <span role="alert">{older}</span>}
              </li>
            ),
            <li key={m.id} class={m.authorType === "agent" ? "ma" : "mc"}>
              <span class="cm">
                {m.authorType === "agent" ? m.authorName || t.support : t.you} ·{" "}
                <time dateTime={m.createdAt}>{when(m.createdAt)}</time>
              </span>
              <span class="mb" dir="auto">
                {linked(m.body)}
              </span>
            </li>,
          ])}
        </ol>
        <p class="sr" role="status">
          {heard}
        </p>
        {store && <LazyThreadAttachments key={id} caller={store.caller} ticketId={id} t={t} />}
        {store && (c.status === "resolved" || c.status === "closed") && <Feedback t={t} store={store} id={id} />}
        {isClosed ? (
          <div>
            <p role="alert">{t.closedConversation}</p>
            <div class="b">
              {back}
              {/* Closed while the customer was typing: what they wrote goes on into the new message. */}
              <button type="button" class="s" onClick={() => onNew(draft.trim())}>
                {t.newMessage}
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={this.send} noValidate>
            <div class="f">
              <label for="ho-reply">{t.reply}</label>
              <textarea
                id="ho-reply"
                value={draft}
                aria-invalid={error ? "true" : undefined}
                aria-describedby={error ? "ho-reply-error" : undefined}
                onInput={(e) => this.setDraft((e.currentTarget as HTMLTextAreaElement).value)}
              />
              {error && (
                <div class="e" id="ho-reply-error" role="alert">
                  {error}
                </div>
              )}
              {sending && offline && <p role="status">{t.offlineReply}</p>}
            </div>
            <div class="b">
              {back}
              <button type="submit" class="s" disabled={sending}>
                {sending ? t.sending : t.sendReply}
              </button>
            </div>
          </form>
        )}
      </div>
    );
  }
}
