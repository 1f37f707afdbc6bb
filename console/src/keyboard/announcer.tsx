import { signal } from "@preact/signals";

const message = signal("");

/**
 * Says something politely to screen readers (a route change, a new ticket, a saved change). The same text twice
 * in a row is still announced: the region is cleared first.
 */
export function announce(text: string): void {
  message.value = "";
  queueMicrotask(() => {
    message.value = text;
  });
}

/** The one polite live region; rendered once, in the layout. */
export function Announcer() {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message.value}
    </div>
  );
}
