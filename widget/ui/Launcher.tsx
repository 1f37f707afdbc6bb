import type { LauncherStrings } from "./strings.js";

interface Props {
  t: LauncherStrings;
  open: boolean;
  unread: number;
  /** "1 unread reply", from the conversation chunk's strings (loaded whenever there can be unread replies). */
  unreadText: string;
  onClick(): void;
  /** Hover, touch or keyboard focus: the customer may open it, so the form starts loading. */
  onIntent(): void;
}

/** The always-visible help button, with the number of unread support replies. No hooks, so preact/hooks stays out of the critical chunk. */
export function Launcher({ t, open, unread, unreadText, onClick, onIntent }: Props) {
  return (
    <button
      type="button"
      class="l"
      aria-label={unread && unreadText ? `${t.launcher}, ${unreadText}` : t.launcher}
      aria-haspopup="dialog"
      aria-expanded={open ? "true" : "false"}
      onClick={onClick}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
        <circle cx="12" cy="12" r="10" />
        <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" />
      </svg>
      <span aria-hidden="true">{t.launcherText}</span>
      {unread > 0 && (
        <span class="n" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </button>
  );
}
