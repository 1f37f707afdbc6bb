import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { TicketDetail } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { mayBounce } from "../../../shared/escalation-api.js";
import { announce } from "../keyboard/announcer.js";
import { session } from "../session.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { DeEscalationForm } from "./de-escalation-form.js";
import { createEscalationModel } from "./escalation-model.js";
import { EscalationForm } from "./escalation-form.js";
import { HandoffCard } from "./handoff-card.js";
import { PingPongNotice } from "./ping-pong-notice.js";
import { readHandoffDraft } from "./handoff-drafts.js";
import { SimilarTickets, TriagePanel } from "./triage-panel.js";

/**
 * Top of the ticket: warnings (escalation suggested, ping-pong), the latest handoff card first, earlier ones
 * folded, and the Escalate action with its pre-filled form.
 */
export function EscalationArea({
  ticket,
  replay,
  reload,
}: {
  ticket: TicketDetail;
  replay: ReplayModel;
  reload: () => void;
}) {
  const model = useMemo(() => createEscalationModel(ticket.id, reload), [ticket.id]);
  useEffect(() => model.start(), [model]);
  // Another agent escalated, bounced or moved it down (seen through live updates): show their handoff too.
  const moved = `${ticket.escalation.count}:${ticket.tier}:${ticket.queue}`;
  const shown = useRef(moved);
  useEffect(() => {
    if (shown.current === moved) return;
    shown.current = moved;
    void model.load();
  }, [moved]);
  const [form, setForm] = useState<"escalate" | "de-escalate" | null>(null);
  const open = (which: "escalate" | "de-escalate") => {
    model.clearSubmitError();
    setForm(which);
  };
  const escalations = model.escalations.value ?? [];
  // Only the receiving side may send it back (the server says 403 to anyone else): no button that can only fail.
  const me = session.value.kind === "signed-in" ? session.value.agent : null;
  const [latest, ...earlier] = escalations;
  const closed = ticket.status === "resolved" || ticket.status === "closed";
  useShortcuts({
    e: () => {
      if (closed) return;
      // Already open (focus wandered off): take the keyboard back to it.
      if (form === "escalate") document.getElementById("esc-tier")?.focus();
      else open("escalate");
    },
  });
  // Closing a form (done or cancelled) puts focus back on the button that opened it, or on the new handoff.
  const escalateButton = useRef<HTMLButtonElement>(null);
  const moveDownButton = useRef<HTMLButtonElement>(null);
  const close = (escalated: boolean) => {
    const opener = form === "de-escalate" ? moveDownButton : escalateButton;
    setForm(null);
    if (escalated) announce("Escalated. The handoff note is on the ticket.");
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(".ticket-layout__main > section.handoff");
      card?.setAttribute("tabindex", "-1");
      (escalated && card ? card : (opener.current ?? escalateButton.current))?.focus();
    });
  };

  return (
    <>
      {ticket.escalation.suggestedReason && (
        <p class="notice notice--warn" role="note">
          <strong>Escalation suggested:</strong> {ticket.escalation.suggestedReason}
        </p>
      )}
      {ticket.escalation.pingPong && <PingPongNotice escalations={escalations} />}
      {model.loadError.value && (
        <ErrorNotice
          error={model.loadError.value}
          title="Couldn't load the handoffs"
          onRetry={() => void model.load()}
        />
      )}
      {latest && (
        <HandoffCard
          escalation={latest}
          model={model}
          replay={replay}
          recordingStart={ticket.recording.startedAt}
          canBounce={
            !latest.bounce &&
            !closed &&
            !!me &&
            mayBounce(me, ticket, { ...latest, toAgentId: latest.toAgent?.id ?? null })
          }
        />
      )}
      {earlier.length > 0 && (
        <details class="card">
          <summary>Earlier handoffs ({earlier.length})</summary>
          {earlier.map((escalation) => (
            <HandoffCard
              key={escalation.id}
              escalation={escalation}
              model={model}
              replay={replay}
              recordingStart={ticket.recording.startedAt}
              canBounce={false}
            />
          ))}
        </details>
      )}
      {!form && !closed && (
        <p class="escalation-actions">
          <button
            ref={escalateButton}
            type="button"
            class="button button--primary"
            aria-keyshortcuts="e"
            onClick={() => open("escalate")}
          >
            {readHandoffDraft(ticket.id) ? "Escalate… (unsent note)" : "Escalate…"}
          </button>{" "}
          {ticket.tier > 1 && (
            <button ref={moveDownButton} type="button" class="button" onClick={() => open("de-escalate")}>
              Move down a tier…
            </button>
          )}
        </p>
      )}
      {/* The form starts from a note that was sent back: not before the handoffs are known (e pressed early). */}
      {form === "escalate" &&
        (model.escalations.value || model.loadError.value ? (
          <EscalationForm ticket={ticket} model={model} onDone={close} />
        ) : (
          <p class="placeholder" role="status">
            Loading the ticket's handoffs…
          </p>
        ))}
      {form === "de-escalate" && <DeEscalationForm ticket={ticket} model={model} onDone={() => close(false)} />}
    </>
  );
}

export { SimilarTickets, TriagePanel, createEscalationModel };
