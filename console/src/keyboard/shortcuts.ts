import { signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";

/** Every shortcut, by screen: the `?` overlay lists exactly this, so a new shortcut is added here first. */
export const SHORTCUTS = [
  {
    title: "Everywhere",
    keys: [
      { keys: ["?"], does: "Show these shortcuts" },
      { keys: ["Esc"], does: "Close a dialog or form, leave the reply field; on a ticket, back to the queue" },
    ],
  },
  {
    title: "Queue",
    keys: [
      { keys: ["j"], does: "Next ticket" },
      { keys: ["k"], does: "Previous ticket" },
      { keys: ["Enter"], does: "Open the selected ticket" },
      { keys: ["x"], does: "Select or deselect the ticket for a bulk action (assign, status, queue)" },
      { keys: ["/"], does: "Search tickets" },
    ],
  },
  {
    title: "Ticket",
    keys: [
      { keys: ["r"], does: "Reply to the customer" },
      { keys: ["n"], does: "Write an internal note" },
      { keys: ["Ctrl", "Enter"], does: "Send the reply, note, handoff or send-back (⌘ Enter on a Mac)" },
      { keys: ["a"], does: "Assign the ticket to me" },
      { keys: ["s"], does: "Change the status" },
      { keys: ["e"], does: "Escalate with a handoff note" },
    ],
  },
  {
    title: "Replay",
    keys: [
      { keys: ["Space"], does: "Play or pause" },
      { keys: ["←"], does: "Previous timeline marker" },
      { keys: ["→"], does: "Next timeline marker" },
    ],
  },
] as const;

/** Whether the `?` overlay is open; while it is, no other shortcut fires. */
export const shortcutsOpen = signal(false);

/** Keys typed into these are text, not commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

/** Enter and Space already activate a focused link, button or checkbox: leave them to the browser there. */
function activates(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("a[href], button, summary, input, [role=button]") !== null;
}

export type Bindings = Partial<Record<string, (event: KeyboardEvent) => void>>;

/**
 * Binds single keys (KeyboardEvent.key: "j", "Enter", "ArrowLeft", " ") while the component is mounted. Never fires
 * while typing in a field, with Ctrl/Cmd/Alt held (those belong to the browser), inside an open dialog, or when
 * something already handled the key.
 */
export function useShortcuts(bindings: Bindings): void {
  const current = useRef(bindings);
  current.current = bindings;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (shortcutsOpen.value || isTyping(event.target)) return;
      if (event.target instanceof Element && event.target.closest("dialog[open]")) return;
      if ((event.key === "Enter" || event.key === " ") && activates(event.target)) return;
      const handler = current.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
