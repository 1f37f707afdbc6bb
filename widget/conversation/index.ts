/**
 * The conversation chunk's entry: everything a visitor with something to follow needs (the polling store, the list
 * and thread views, the feedback questions, their strings and styles). core.ts import()s it only when the widget
 * knows locally that there is something to follow (tickets filed from this browser, a verified identity) or a
 * ticket was just filed, so a first-time visitor never downloads it.
 */
import { ConversationPane, ConversationTabs } from "../ui/Conversations.js";
import { conversationCss } from "../ui/conversation-styles.js";
import { loadConversationStrings } from "../ui/strings-conversation.js";
import type { ConversationView } from "../ui/types.js";
import type { Caller } from "./client.js";
import { startConversations } from "./sync.js";

/** Loads the strings for `locale`, then starts following; `onChange` repaints the launcher badge and the dialog. */
export async function followConversations(
  caller: Caller,
  locale: string,
  texts: Record<string, unknown> | undefined,
  onChange: () => void,
): Promise<ConversationView> {
  const t = await loadConversationStrings(locale, texts);
  const store = startConversations(caller, onChange);
  return { store, t, css: conversationCss, Tabs: ConversationTabs, Pane: ConversationPane };
}
