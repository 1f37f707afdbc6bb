import { useEffect, useRef, useState } from "preact/hooks";
import type { Escalation } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { announce } from "../keyboard/announcer.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { sendOnModEnter } from "../ui/send-keys.js";
import { RelativeTime } from "../ui/time.js";
import type { EscalationModel } from "./escalation-model.js";

interface HandoffCardProps {
  escalation: Escalation;
  model: EscalationModel;
  replay: ReplayModel;
  /** Epoch ms of the recording's first event: replay moments are offsets from it. */
  recordingStart: number | null;
  /** Only the latest, unbounced handoff can be sent back. */
  canBounce: boolean;
}

/** The structured handoff, shown first to whoever receives the ticket; moments seek the replay. */
export function HandoffCard({ escalation, model, replay, recordingStart, canBounce }: HandoffCardProps) {
  const [bouncing, setBouncing] = useState(false);
  const [reason, setReason] = useState("");
  // Opening the form puts the keyboard in its field; Cancel gives it back to "Send back…".
  const field = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Once sent back, "Send back…" is gone: the keyboard lands on this card, which now says it was sent back.
  const card = useRef<HTMLElement>(null);
  const sentBack = useRef(false);
  useEffect(() => {
    if (bouncing) field.current?.focus();
    else if (opened.current) (sentBack.current ? card.current : opener.current)?.focus();
    opened.current = bouncing;
  }, [bouncing]);
  const from = escalation.fromAgent?.name ?? "someone";
  const to = escalation.toAgent?.name ?? "unassigned";
  // No recording (none sent, never uploaded, unreadable or erased by retention): the moments are text, not buttons.
  const state = replay.state.value.kind;
  const playable = recordingStart !== null && (state === "loading" || state === "ready");
  const seek = (atMs: number, note: string) => {
    if (recordingStart === null) return;
    replay.seekTo(recordingStart + atMs);
    document.getElementById("replay")?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    // The player is out of view for a screen reader: say where it went (or will go once it has loaded).
    announce(
      state === "ready"
        ? `Replay at ${replayClock(atMs)}: ${note}`
        : `The replay goes to ${replayClock(atMs)} once it has loaded`,
    );
  };

  return (
    <section
      ref={card}
      tabIndex={-1}
      class={`card handoff${escalation.bounce ? " handoff--bounced" : ""}`}
      aria-labelledby={`handoff-${escalation.id}`}
    >
      <h2 class="card__title" id={`handoff-${escalation.id}`}>
        Handoff: tier {escalation.fromTier}
        {escalation.fromQueue ? ` ${escalation.fromQueue}` : ""} → tier {escalation.toTier}
        {escalation.toQueue ? ` ${escalation.toQueue}` : ""}
      </h2>
      <p class="muted small">
        From {from} to {to}, <RelativeTime value={escalation.createdAt} />
      </p>
      <p class="handoff__summary">{escalation.summary}</p>
      <dl class="facts">
        <div class="facts__row">
          <dt>Customer goal</dt>
          <dd>{escalation.customerGoal}</dd>
        </div>
        <div class="facts__row">
          <dt>Why escalated</dt>
          <dd>{escalation.reason}</dd>
        </div>
      </dl>
      <h3 class="handoff__heading">Already tried</h3>
      <ol class="handoff__attempts">
        {escalation.attempted.map((step, index) => (
          <li key={index}>
            {step.action} — <span class="muted">{step.result}</span>
          </li>
        ))}
      </ol>
      {escalation.replayMoments.length > 0 && (
        <>
          <h3 class="handoff__heading">Replay moments</h3>
          <ul class="handoff__moments">
            {escalation.replayMoments.map((moment, index) => (
              <li key={index}>
                {/* An action (seek the player), so a button, not a link that goes nowhere. */}
                {playable ? (
                  <button type="button" class="button button--link" onClick={() => seek(moment.atMs, moment.note)}>
                    <span aria-hidden="true">▶ </span>
                    {replayClock(moment.atMs)} {moment.note}
                  </button>
                ) : (
                  <>
                    <span class="mono">{replayClock(moment.atMs)}</span> {moment.note}
                  </>
                )}
              </li>
            ))}
          </ul>
          {!playable && (
            <p class="muted small">
              {state === "pending"
                ? "The recording has not arrived: these moments can be played once it has."
                : "There is no recording on this ticket to play these moments in."}
            </p>
          )}
        </>
      )}
      {escalation.bounce && (
        <p class="notice notice--warn" role="note">
          Sent back by {escalation.bounce.by?.name ?? "someone"} <RelativeTime value={escalation.bounce.at} />:{" "}
          {escalation.bounce.reason}
        </p>
      )}
      {canBounce && !bouncing && (
        <button
          ref={opener}
          type="button"
          class="button button--small handoff__send-back"
          onClick={() => setBouncing(true)}
        >
          Send back…
        </button>
      )}
      {canBounce && bouncing && (
        <form
          class="handoff__bounce"
          onKeyDown={sendOnModEnter}
          onSubmit={async (event) => {
            event.preventDefault();
            if (!(await model.bounce(escalation.id, reason))) return;
            sentBack.current = true;
            setBouncing(false);
            announce(`Sent back to ${from}`);
          }}
        >
          <div class="field">
            <label for={`bounce-${escalation.id}`}>What is missing?</label>
            <textarea
              ref={field}
              id={`bounce-${escalation.id}`}
              rows={2}
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </div>
          {model.submitError.value && (
            <ErrorNotice
              error={model.submitError.value}
              title="Couldn't send it back"
              labels={{ reason: "What is missing?" }}
            />
          )}
          <button type="submit" class="button button--primary" disabled={model.submitting.value}>
            Send back to {from}
          </button>{" "}
          <button type="button" class="button button--ghost" onClick={() => setBouncing(false)}>
            Cancel
          </button>
        </form>
      )}
    </section>
  );
}

/** 20000 -> "00:20", as rrweb-player's own clock shows it. */
export function replayClock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
