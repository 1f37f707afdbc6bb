import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { draftHandoff, type TicketDetail } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { describedBy, Field } from "../ui/field.js";
import type { EscalationModel } from "./escalation-model.js";
import { AttemptedSteps, MomentPicker, type PickedMoment, type Step } from "./escalation-form-parts.js";
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
  const draft = useMemo(() => draftHandoff(ticket), [ticket.id]);
  const [toTier, setToTier] = useState(Math.min(3, ticket.tier + 1));
  const [toQueue, setToQueue] = useState(ticket.queue ?? "triage");
  const [summary, setSummary] = useState(draft.summary);
  const [steps, setSteps] = useState<Step[]>([{ action: "", result: "" }]);
  const [reason, setReason] = useState(defaultReason(ticket));
  const [customerGoal, setCustomerGoal] = useState("");
  const [moments, setMoments] = useState<PickedMoment[]>(draft.replayMoments.map((m) => ({ ...m, include: true })));
  const [seen] = useSeen(ticket, model);
  const first = useRef<HTMLSelectElement>(null);
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
    if (ok) onDone(true);
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
      class="card escalation-form"
      aria-labelledby="escalate-title"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        onDone(false);
      }}
      noValidate
    >
      <h2 class="card__title" id="escalate-title">
        Escalate {ticket.reference}
      </h2>
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
      {text("esc-summary", "Summary (one sentence)", "summary", summary, setSummary)}
      <AttemptedSteps steps={steps} onChange={setSteps} issue={issue} />
      {text("esc-reason", "Why it needs to move", "reason", reason, setReason)}
      {text("esc-goal", "What the customer wants to achieve", "customerGoal", customerGoal, setCustomerGoal)}
      <MomentPicker moments={moments} onChange={setMoments} error={issue("replayMoments")} />
      {error && <ErrorNotice error={error} title="Couldn't escalate" />}
      <button type="submit" class="button button--primary" disabled={model.submitting.value}>
        {model.submitting.value ? "Escalating…" : "Escalate"}
      </button>{" "}
      <button type="button" class="button button--ghost" onClick={() => onDone(false)}>
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

/** The matrix rules that fired name the criterion; the agent can reword it. */
function defaultReason(ticket: TicketDetail): string {
  const rules = ticket.triage?.rules ?? [];
  return rules.length ? `Matrix: ${rules.map((r) => r.name).join("; ")}` : "";
}
