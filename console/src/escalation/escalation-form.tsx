import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { draftHandoff, type Escalation, type TicketDetail } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { sendOnModEnter } from "../ui/send-keys.js";
import { describedBy, Field, focusFirstInvalid } from "../ui/field.js";
import type { EscalationModel } from "./escalation-model.js";
import { AttemptedSteps, MomentPicker, type PickedMoment, type Step } from "./escalation-form-parts.js";
import { type HandoffDraft, readHandoffDraft, restoreHandoffDraft, saveHandoffDraft } from "./handoff-drafts.js";
import { loadQueues, queueNames, workspaceQueues } from "./workspace-queues.js";

/**
 * The handoff form, pre-filled from the captured context: a drafted one-sentence summary and the failed
 * requests, errors and rage clicks as candidate replay moments. The agent edits rather than types.
 */
export function EscalationForm({
  ticket,
  model,
  onDone,
}: {
  ticket: TicketDetail;
  model: EscalationModel;
  /** Called with true once escalated, false when cancelled. */
  onDone: (escalated: boolean) => void;
}) {
  useEffect(() => void loadQueues(), []);
  // The form as drafted from the ticket, and the agent's unsent note over it (kept across Esc and an expired session).
  const sentBack = useMemo(() => sentBackHere(model.escalations.value, ticket.tier), [ticket.id]);
  const prefilled = useMemo((): HandoffDraft => {
    const draft = draftHandoff(ticket);
    const moments = draft.replayMoments.map((m) => ({ ...m, include: true }));
    // Sent back for something missing: start from the note that was returned, so the next handoff is whole.
    if (sentBack)
      return {
        fromTier: ticket.tier,
        toTier: sentBack.toTier,
        toQueue: sentBack.toQueue ?? ticket.queue ?? "triage",
        summary: sentBack.summary,
        steps: [...sentBack.attempted, { action: "", result: "" }],
        reason: sentBack.reason,
        customerGoal: sentBack.customerGoal,
        moments,
      };
    return {
      fromTier: ticket.tier,
      toTier: Math.min(3, ticket.tier + 1),
      toQueue: ticket.queue ?? "triage",
      summary: draft.summary,
      steps: [{ action: "", result: "" }],
      reason: defaultReason(ticket),
      customerGoal: "",
      moments,
    };
  }, [ticket.id]);
  const restored = useMemo(() => {
    const kept = readHandoffDraft(ticket.id);
    return kept ? restoreHandoffDraft(kept, ticket) : { draft: prefilled, notice: null };
  }, [ticket.id]);
  const start = restored.draft;
  // Each change is kept at once, not after the next render: Esc right after typing closed the form before an effect
  // ran, and took the last field's words with it.
  const note = useRef<HandoffDraft>(start);
  const keep =
    <K extends keyof HandoffDraft>(key: K, set: (value: HandoffDraft[K]) => void) =>
    (value: HandoffDraft[K]) => {
      note.current = { ...note.current, fromTier: ticket.tier, [key]: value };
      const unchanged = JSON.stringify(note.current) === JSON.stringify(prefilled);
      saveHandoffDraft(ticket.id, unchanged ? null : note.current);
      set(value);
    };
  const [toTier, setToTier] = useKept(start.toTier, (set) => keep("toTier", set));
  const [toQueue, setToQueue] = useKept(start.toQueue, (set) => keep("toQueue", set));
  const [summary, setSummary] = useKept(start.summary, (set) => keep("summary", set));
  const [steps, setSteps] = useKept<Step[]>(start.steps, (set) => keep("steps", set));
  const [reason, setReason] = useKept(start.reason, (set) => keep("reason", set));
  const [customerGoal, setCustomerGoal] = useKept(start.customerGoal, (set) => keep("customerGoal", set));
  const [moments, setMoments] = useKept<PickedMoment[]>(start.moments, (set) => keep("moments", set));
  // A restored note that was re-aimed (restoreHandoffDraft) is kept as shown.
  useEffect(() => keep("fromTier", () => {})(ticket.tier), []);
  const [seen] = useSeen(ticket, model);
  const first = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Opened from a button or the `e` shortcut: the keyboard lands in the form, not back at the top of the page.
  useEffect(() => first.current?.focus(), []);
  const error = model.submitError.value;
  const issue = (path: string) => error?.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const queues = queueNames(ticket.queue ?? "triage");
  const staffed = (queue: string) => workspaceQueues.value.find((q) => q.name === queue)?.agents ?? 0;

  async function submit(event: Event) {
    event.preventDefault();
    const ok = await model.escalate({
      toTier,
      toQueue,
      summary,
      attempted: steps.filter((s) => s.action.trim() || s.result.trim()),
      reason,
      customerGoal,
      replayMoments: moments.filter((m) => m.include).map(({ atMs, note }) => ({ atMs, note })),
      seen,
    });
    if (ok) {
      saveHandoffDraft(ticket.id, null);
      onDone(true);
    } else requestAnimationFrame(() => focusFirstInvalid(formRef.current));
  }

  const text = (id: string, label: string, path: string, value: string, onInput: (value: string) => void) => (
    <Field id={id} label={label} error={issue(path)}>
      <textarea
        id={id}
        rows={2}
        value={value}
        {...describedBy(id, undefined, issue(path))}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </Field>
  );

  return (
    <form
      ref={formRef}
      class="card escalation-form"
      aria-labelledby="escalate-title"
      onSubmit={submit}
      onKeyDown={(e) => {
        sendOnModEnter(e);
        if (e.key !== "Escape") return;
        // Closes the form; the note stays as a draft (Cancel is the way to throw it away).
        e.preventDefault();
        onDone(false);
      }}
      noValidate
    >
      <h2 class="card__title" id="escalate-title">
        Escalate {ticket.reference}
      </h2>
      {sentBack?.bounce && (
        <p class="notice notice--warn" role="note">
          Sent back by {sentBack.bounce.by?.name ?? "someone"}: “{sentBack.bounce.reason}”. The note they returned is
          below with what was tried; add what answers them.
        </p>
      )}
      {restored.notice && (
        <p class="notice notice--warn" role="note">
          {restored.notice}
        </p>
      )}
      <div class="escalation-form__row">
        <Field id="esc-tier" label="To tier" error={issue("toTier")}>
          <select
            id="esc-tier"
            ref={first}
            value={String(toTier)}
            onChange={(e) => setToTier(Number(e.currentTarget.value))}
          >
            {[1, 2, 3]
              .filter((tier) => tier >= ticket.tier)
              .map((tier) => (
                <option key={tier} value={String(tier)}>
                  Tier {tier}
                </option>
              ))}
          </select>
        </Field>
        <Field id="esc-queue" label="To queue" error={issue("toQueue")}>
          <select id="esc-queue" value={toQueue} onChange={(e) => setToQueue(e.currentTarget.value)}>
            {queues.map((queue) => (
              <option key={queue} value={queue}>
                {queue}
                {queue !== ticket.queue && staffed(queue) === 0 ? " (nobody has this skill yet)" : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {/* Said before the note is written, not after: the server refuses a handoff to where the ticket already is. */}
      {toTier === ticket.tier && toQueue === (ticket.queue ?? "triage") && (
        <p class="notice notice--warn" role="note">
          {ticket.tier === 3
            ? `Tier 3 is the top tier: choose the queue that takes it over (it is in ${toQueue}).`
            : `It is at tier ${ticket.tier} in ${toQueue} already: choose a higher tier or another queue.`}
        </p>
      )}
      {workspaceQueues.value.find((q) => q.name === toQueue)?.agentsByTier[toTier - 1] === 0 && (
        <p class="notice notice--warn" role="note">
          Nobody at tier {toTier} has the {toQueue} skill: the ticket will wait unassigned in {toQueue} until someone
          takes it.
        </p>
      )}
      {text("esc-summary", "Summary (one sentence)", "summary", summary, setSummary)}
      <AttemptedSteps steps={steps} onChange={setSteps} issue={issue} />
      {text("esc-reason", "Why it needs to move", "reason", reason, setReason)}
      {text("esc-goal", "What the customer wants to achieve", "customerGoal", customerGoal, setCustomerGoal)}
      <MomentPicker moments={moments} onChange={setMoments} error={issue("replayMoments")} />
      {error && <ErrorNotice error={error} title="Couldn't escalate" labels={HANDOFF_LABELS} />}
      <button type="submit" class="button button--primary" disabled={model.submitting.value}>
        {model.submitting.value ? "Escalating…" : "Escalate"}
      </button>{" "}
      <button
        type="button"
        class="button button--ghost"
        onClick={() => {
          saveHandoffDraft(ticket.id, null);
          onDone(false);
        }}
      >
        Cancel
      </button>
    </form>
  );
}

/**
 * The tier, queue and status the agent is writing the handoff for. The server refuses (409) an escalation of a ticket
 * that moved since; once the form shows that conflict and the fresh ticket, a second submit is the agent's decision.
 */
export function useSeen(ticket: TicketDetail, model: EscalationModel) {
  const now = { tier: ticket.tier, queue: ticket.queue, status: ticket.status };
  const [seen, setSeen] = useState(now);
  const conflict = model.submitError.value?.status === 409;
  useEffect(() => {
    if (conflict) setSeen(now);
  }, [conflict, ticket.tier, ticket.queue, ticket.status]);
  return [seen, setSeen] as const;
}

/** useState whose setter is wrapped once (by `wrap`), for the form's fields that are kept as they change. */
function useKept<T>(initial: T, wrap: (set: (value: T) => void) => (value: T) => void) {
  const [value, set] = useState<T>(initial);
  const setter = useRef<(value: T) => void>();
  setter.current ??= wrap(set);
  return [value, setter.current] as const;
}

/** The latest handoff when it was sent back and the ticket is again at the tier it left from. */
function sentBackHere(escalations: Escalation[] | null, tier: number): Escalation | null {
  const latest = escalations?.[0];
  return latest?.bounce && latest.fromTier === tier ? latest : null;
}

/** The form's words for the fields the server names in a refusal. */
const HANDOFF_LABELS = {
  toTier: "To tier",
  toQueue: "To queue",
  summary: "Summary",
  attempted: "What you already tried",
  reason: "Why it needs to move",
  customerGoal: "What the customer wants to achieve",
  replayMoments: "Replay moments",
  seen: "The ticket",
};

/** The matrix rules that fired name the criterion; the agent can reword it. */
function defaultReason(ticket: TicketDetail): string {
  const rules = ticket.triage?.rules ?? [];
  return rules.length ? `Matrix: ${rules.map((r) => r.name).join("; ")}` : "";
}
