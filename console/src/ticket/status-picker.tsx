import { useEffect, useRef } from "preact/hooks";
import { ticketStatuses, type TicketStatus } from "../../../shared/index.js";
import { announce } from "../keyboard/announcer.js";
import { capitalize } from "../ui/format.js";
import type { TicketModel } from "./ticket-model.js";

type Settable = Exclude<TicketStatus, "escalated">;
// Escalating needs the handoff note (e), so the picker offers every other status.
const CHOICES = ticketStatuses.filter((s): s is Settable => s !== "escalated");

/**
 * `s` on a ticket: a small modal list of statuses with the current one focused; ↑/↓ move, Enter picks, Esc
 * closes, and focus goes back to where it was.
 */
export function StatusPicker({ model, open, onClose }: { model: TicketModel; open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const ticket = model.ticket.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const current = dialog.querySelector<HTMLButtonElement>("[aria-current=true]") ?? dialog.querySelector("button");
      current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  if (!ticket) return null;

  const pick = async (status: Settable) => {
    onClose();
    if (status === ticket.status) return;
    await model.update({ status });
    announce(model.actionError.value ? "Status not saved" : `Status: ${capitalize(status)}`);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>(".status-picker__list button") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + (event.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length];
    event.preventDefault();
    next?.focus();
  };

  return (
    <dialog
      ref={ref}
      class="status-picker"
      aria-labelledby="status-picker-title"
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <h2 id="status-picker-title" class="card__title">
        Change status
      </h2>
      <ul class="status-picker__list">
        {CHOICES.map((status) => (
          <li key={status}>
            <button
              type="button"
              class="button"
              aria-current={status === ticket.status ? "true" : undefined}
              onClick={() => void pick(status)}
            >
              {capitalize(status)}
              {status === ticket.status ? " (current)" : ""}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="button button--ghost" onClick={onClose}>
        Cancel
      </button>
    </dialog>
  );
}
