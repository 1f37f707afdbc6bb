import { useEffect, useState } from "preact/hooks";
import { ticketStatuses, type TicketUpdate } from "../../../shared/index.js";
import { api } from "../api.js";
import { loadQueues, queueNames } from "../escalation/workspace-queues.js";
import { announce } from "../keyboard/announcer.js";
import { session } from "../session.js";
import { bulkSelection, focusRow, selectedTicket } from "./queue-keys.js";

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number) => `${n} ticket${n === 1 ? "" : "s"}`;

/**
 * Acts on the rows picked with `x` (or their checkboxes), one PATCH per ticket through the same API as the ticket
 * screen; says politely how it went, then puts focus back on the selected row.
 */
export function BulkBar({ onDone }: { onDone: () => Promise<void> }) {
  const ids = bulkSelection.value;
  const [status, setStatus] = useState("");
  const [queue, setQueue] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => void loadQueues(), []);
  const me = session.value.kind === "signed-in" ? session.value.agent : null;
  if (!ids.length) return null;

  function clear() {
    bulkSelection.value = [];
    announce("Selection cleared");
    if (selectedTicket.value) focusRow(selectedTicket.value);
  }

  async function apply(changes: TicketUpdate, done: string) {
    setBusy(true);
    const results = await Promise.allSettled(ids.map((id) => api.updateTicket(id, changes)));
    const failed = results.filter((r) => r.status === "rejected").length;
    const saved = ids.length - failed;
    announce(failed ? `${done}: ${plural(saved)}; ${plural(failed)} not saved` : `${done}: ${plural(saved)}`);
    setBusy(false);
    setStatus("");
    setQueue("");
    bulkSelection.value = [];
    await onDone();
    if (selectedTicket.value) focusRow(selectedTicket.value);
  }

  return (
    <section class="bulk-bar" aria-label="Bulk actions">
      <p class="bulk-bar__count">{ids.length} selected</p>
      {me && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void apply({ assigneeId: me.id }, "Assigned to you")}
        >
          Assign to me
        </button>
      )}
      <label>
        Status
        <select value={status} disabled={busy} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">Keep</option>
          {ticketStatuses
            .filter((s) => s !== "escalated")
            .map((s) => (
              <option key={s} value={s}>
                {capitalize(s)}
              </option>
            ))}
        </select>
      </label>
      <label>
        Queue
        <select value={queue} disabled={busy} onChange={(e) => setQueue(e.currentTarget.value)}>
          <option value="">Keep</option>
          {queueNames(null).map((q) => (
            <option key={q} value={q}>
              {capitalize(q)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="button button--primary"
        disabled={busy || (!status && !queue)}
        onClick={() =>
          void apply(
            {
              ...(status ? { status: status as NonNullable<TicketUpdate["status"]> } : {}),
              ...(queue ? { queue } : {}),
            },
            "Updated",
          )
        }
      >
        Apply
      </button>
      <button type="button" class="button" disabled={busy} onClick={clear}>
        Clear selection
      </button>
    </section>
  );
}
