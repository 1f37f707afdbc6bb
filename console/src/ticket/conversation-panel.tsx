import { useEffect } from "preact/hooks";
import { LIMITS, type Message } from "../../../shared/index.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { formatDateTime } from "../ui/format.js";
import { languageName } from "../ui/language.js";
import { RelativeTime } from "../ui/time.js";
import type { ConversationModel } from "./conversation-model.js";

/**
 * The customer's messages, public replies and internal notes (visibly different), then the composer. `locale` is the
 * language the widget spoke to the customer (context.locale), said where the agent writes.
 */
export function ConversationPanel({ model, locale }: { model: ConversationModel; locale?: string }) {
  useEffect(() => model.start(), [model]);
  const write = (internal: boolean) => {
    model.internal.value = internal;
    const field = document.getElementById("composer-text");
    field?.scrollIntoView({ block: "nearest" });
    field?.focus();
  };
  useShortcuts({ r: () => write(false), n: () => write(true) });
  const messages = model.messages.value;
  return (
    <section class="card conversation" id="conversation" aria-labelledby="conversation-title">
      <h2 class="card__title" id="conversation-title" tabIndex={-1}>
        Conversation <span class="count">{model.olderCursor.value ? `${messages.length}+` : messages.length}</span>
      </h2>
      {model.error.value && (
        <ErrorNotice
          error={model.error.value}
          title="Couldn't load the conversation"
          onRetry={() => void model.load()}
        />
      )}
      {model.loaded.value && messages.length === 0 && (
        <p class="muted">No replies yet. The description above is the customer's first message.</p>
      )}
      {model.olderCursor.value && (
        // A long conversation arrives as its newest page: older messages on request, never all at once.
        <button
          type="button"
          class="button conversation__older"
          disabled={model.loadingOlder.value}
          onClick={() => void model.loadOlder()}
        >
          {model.loadingOlder.value ? "Loading earlier messages…" : "Show earlier messages"}
        </button>
      )}
      <ol class="conversation__list">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ol>
      <Composer model={model} locale={locale} />
    </section>
  );
}

function MessageItem({ message }: { message: Message }) {
  const kind = message.authorType === "customer" ? "customer" : message.internal ? "note" : "reply";
  const label = kind === "customer" ? "Customer" : kind === "note" ? "Internal note" : "Public reply";
  return (
    <li class={`message message--${kind}`} data-message-kind={kind}>
      <p class="message__meta">
        <strong>{message.authorName}</strong> <span class={`message__kind message__kind--${kind}`}>{label}</span>{" "}
        <span class="muted small" title={formatDateTime(message.createdAt)}>
          <RelativeTime value={message.createdAt} />
        </span>
      </p>
      <p class="message__body" dir="auto">
        {message.body}
      </p>
    </li>
  );
}

function Composer({ model, locale }: { model: ConversationModel; locale?: string }) {
  const internal = model.internal.value;
  // English is the console's own language: only another one is worth a line.
  const language = locale && !/^en\b/i.test(locale) ? languageName(locale) : null;
  // Near the limit, how much room is left shows under the field (read with it), so a long answer is cut before Send.
  const length = model.draft.value.trim().length;
  const room = length > LIMITS.messageBody * 0.9 ? LIMITS.messageBody - length : null;
  const describedBy = [language && !internal ? "composer-language" : "", room !== null ? "composer-room" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <form
      class={`composer${internal ? " composer--note" : ""}`}
      onSubmit={(event) => {
        event.preventDefault();
        void model.send();
      }}
    >
      <div class="composer__modes" role="radiogroup" aria-label="Message type">
        <label>
          <input type="radio" name="mode" checked={!internal} onChange={() => (model.internal.value = false)} /> Reply
          to customer
        </label>
        <label>
          <input type="radio" name="mode" checked={internal} onChange={() => (model.internal.value = true)} /> Internal
          note
        </label>
      </div>
      {language && !internal && (
        <p class="muted small" id="composer-language">
          The widget speaks {language} to this customer: reply in {language}.
        </p>
      )}
      <textarea
        id="composer-text"
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-label={internal ? "Internal note" : "Reply to the customer"}
        aria-describedby={describedBy || undefined}
        placeholder={internal ? "Only agents see notes" : "The customer sees this in the widget"}
        rows={4}
        value={model.draft.value}
        onInput={(e) => (model.draft.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          // Esc leaves the field (the draft stays) so the ticket's shortcuts work again; focus stays in the section.
          if (e.key === "Escape") {
            e.preventDefault();
            document.getElementById("conversation-title")?.focus();
          }
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void model.send();
          }
        }}
      />
      {room !== null && (
        <p class={`small ${room < 0 ? "field__error" : "muted"}`} id="composer-room">
          {room < 0
            ? `${(-room).toLocaleString("en")} characters over the limit of ${LIMITS.messageBody.toLocaleString("en")}`
            : `${room.toLocaleString("en")} characters left`}
        </p>
      )}
      {model.collision.value && !internal && <CollisionNotice model={model} />}
      {model.sendError.value && <ErrorNotice error={model.sendError.value} title="Not sent" />}
      <button type="submit" class="button button--primary" disabled={model.sending.value || !model.draft.value.trim()}>
        {model.sending.value ? "Sending…" : internal ? "Add note" : "Send reply"}
      </button>
    </form>
  );
}

/** A colleague answered the customer while this agent was writing: their reply is now in the thread above, the draft is kept. */
function CollisionNotice({ model }: { model: ConversationModel }) {
  const collision = model.collision.value!;
  return (
    <div class="notice notice--warn" role="alert">
      <p class="notice__title">Not sent yet</p>
      <p class="notice__message">
        {collision.name && collision.at ? (
          <>
            <strong>{collision.name}</strong> replied <RelativeTime value={collision.at} />. Review their reply; send
            yours anyway?
          </>
        ) : (
          collision.text
        )}
      </p>
      <button
        type="button"
        class="button button--small"
        disabled={model.sending.value}
        onClick={() => void model.send()}
      >
        Send anyway
      </button>
    </div>
  );
}
