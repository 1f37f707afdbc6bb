/**
 * Ctrl/⌘+Enter in a form's field sends the form, as it sends a reply: one key for everything an agent writes (the
 * handoff note, a send-back, a move down). Not while its submit button is disabled (already sending).
 */
export function sendOnModEnter(event: KeyboardEvent): void {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
  const form = (event.target as Element | null)?.closest("form");
  if (!form) return;
  event.preventDefault();
  if (form.querySelector("button[type=submit]:disabled")) return;
  form.requestSubmit();
}
