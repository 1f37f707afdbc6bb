import type { ConversationStore } from "../conversation/sync.js";
import type { Strings } from "./strings.js";
import type { ConversationStrings } from "./strings-conversation.js";
import { Thread } from "./Thread.js";

import type { DialogView } from "./types.js";

type T = Strings & ConversationStrings;

interface NavProps {
  t: T;
  store: ConversationStore;
  view: DialogView;
  setView(view: DialogView): void;
  /** A new message, starting from `text` (a reply the closed conversation no longer takes). */
  onNew(text?: string): void;
}

/** The dialog's tabs, once there are conversations: a new message, or the customer's conversations. */
export function ConversationTabs({ t, store, view, setView, onNew }: NavProps) {
  if (!store.list().length) return null;
  const unread = store.unread();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons named by its label; a fieldset would need a visible legend
    <div class="t" role="group" aria-label={t.title}>
      <button type="button" aria-pressed={view.kind === "form" ? "true" : "false"} onClick={() => onNew()}>
        {t.newMessage}
      </button>
      <button
        type="button"
        aria-pressed={view.kind === "form" ? "false" : "true"}
        onClick={() => setView({ kind: "list" })}
      >
        {t.conversations}
        {unread > 0 && ` (${unread})`}
      </button>
    </div>
  );
}

/** The list or one thread, in place of the form. */
export function ConversationPane({ t, store, view, setView, onNew }: NavProps) {
  return view.kind === "thread" ? (
    <Thread t={t} store={store} id={view.id} onBack={() => setView({ kind: "list" })} onNew={onNew} />
  ) : (
    <ConversationList t={t} store={store} onOpen={(id) => setView({ kind: "thread", id })} />
  );
}

/** The customer's tickets, newest activity first, with status, last message and unread replies. */
export function ConversationList({
  t,
  store,
  onOpen,
}: {
  t: T;
  store: ConversationStore | undefined;
  onOpen(id: string): void;
}) {
  const list = store?.list() ?? [];
  return (
    <div>
      <h2 id="ho-title" tabIndex={-1}>
        {t.conversations}
      </h2>
      {!store?.loaded() ? (
        <p role="status">{t.loading}</p>
      ) : !list.length ? (
        <p>{t.noConversations}</p>
      ) : (
        <ul class="cl">
          {list.map((c) => {
            const unread = store.unread(c.id);
            const last = c.messages[c.messages.length - 1];
            return (
              <li key={c.id}>
                <button type="button" onClick={() => onOpen(c.id)}>
                  <strong dir="auto">{c.subject}</strong>
                  <span class="cm">
                    {c.reference} · {t.status[c.status]}
                    {unread > 0 && <b class="u"> · {t.unread(unread)}</b>}
                  </span>
                  <span class="cp" dir="auto">
                    {last ? last.body : c.description}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
