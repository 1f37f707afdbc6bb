import { useEffect, useMemo, useState } from "preact/hooks";
import { draftHandoff, type TicketDetail } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import type { EscalationModel } from "./escalation-model.js";
import { replayClock } from "./handoff-card.js";
import { loadQueues, queueNames, workspaceQueues } from "./workspace-queues.js";

interface Step {
  action: string;
  result: string;
}

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
  onDone: () => void;
}) {
  useEffect(() => void loadQueues(), []);
  const draft = useMemo(() => draftHandoff(ticket), [ticket.id]);
  const [toTier, setToTier] = useState(Math.min(3, ticket.tier + 1));
  const [toQueue, setToQueue] = useState(ticket.queue ?? "triage");
  const [summary, setSummary] = useState(draft.summary);
  const [steps, setSteps] = useState<Step[]>([{ action: "", result: "" }]);
  const [reason, setReason] = useState(defaultReason(ticket));
  const [customerGoal, setCustomerGoal] = useState("");
  const [moments, setMoments] = useState(draft.replayMoments.map((m) => ({ ...m, include: true })));
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
    });
    if (ok) onDone();
  }

  return (
    <form class="card escalation-form" aria-labelledby="escalate-title" onSubmit={submit} noValidate>
      <h2 class="card__title" id="escalate-title">
        Escalate {ticket.reference}
      </h2>
      <div class="escalation-form__row">
        <Field id="esc-tier" label="To tier" error={issue("toTier")}>
          <select id="esc-tier" value={String(toTier)} onChange={(e) => setToTier(Number(e.currentTarget.value))}>
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
      <Field id="esc-summary" label="Summary (one sentence)" error={issue("summary")}>
        <textarea id="esc-summary" rows={2} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </Field>
      <fieldset class="escalation-form__steps">
        <legend>What you already tried</legend>
        {steps.map((step, index) => (
          <div class="escalation-form__row" key={index}>
            <Field
              id={`esc-action-${index}`}
              label={`Step ${index + 1}: action`}
              error={issue(`attempted.${index}.action`)}
            >
              <input
                id={`esc-action-${index}`}
                value={step.action}
                onInput={(e) => setSteps(update(steps, index, { action: e.currentTarget.value }))}
              />
            </Field>
            <Field
              id={`esc-result-${index}`}
              label={`Step ${index + 1}: result`}
              error={issue(`attempted.${index}.result`)}
            >
              <input
                id={`esc-result-${index}`}
                value={step.result}
                onInput={(e) => setSteps(update(steps, index, { result: e.currentTarget.value }))}
              />
            </Field>
          </div>
        ))}
        {issue("attempted") && !issue("attempted.0") && <p class="field__error">{issue("attempted")}</p>}
        <button
          type="button"
          class="button button--small"
          onClick={() => setSteps([...steps, { action: "", result: "" }])}
        >
          Add a step
        </button>
      </fieldset>
      <Field id="esc-reason" label="Why it needs to move" error={issue("reason")}>
        <textarea id="esc-reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <Field id="esc-goal" label="What the customer wants to achieve" error={issue("customerGoal")}>
        <textarea id="esc-goal" rows={2} value={customerGoal} onInput={(e) => setCustomerGoal(e.currentTarget.value)} />
      </Field>
      <fieldset>
        <legend>Replay moments for the next agent</legend>
        {moments.length === 0 && (
          <p class="muted small">No failed requests, errors or rage clicks inside the recording.</p>
        )}
        {moments.map((moment, index) => (
          <label class="escalation-form__moment" key={index}>
            <input
              type="checkbox"
              checked={moment.include}
              onChange={(e) => setMoments(update(moments, index, { include: e.currentTarget.checked }))}
            />{" "}
            <span class="mono">{replayClock(moment.atMs)}</span> {moment.note}
          </label>
        ))}
        {issue("replayMoments") && <p class="field__error">{issue("replayMoments")}</p>}
      </fieldset>
      {error && <ErrorNotice error={error} title="Couldn't escalate" />}
      <button type="submit" class="button button--primary" disabled={model.submitting.value}>
        {model.submitting.value ? "Escalating…" : "Escalate"}
      </button>{" "}
      <button type="button" class="button button--ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class={`field${error ? " field--invalid" : ""}`}>
      <label for={id}>{label}</label>
      {children}
      {error && <p class="field__error">{error}</p>}
    </div>
  );
}

const update = <T,>(list: T[], index: number, patch: Partial<T>) =>
  list.map((item, i) => (i === index ? { ...item, ...patch } : item));

/** The matrix rules that fired name the criterion; the agent can reword it. */
function defaultReason(ticket: TicketDetail): string {
  const rules = ticket.triage?.rules ?? [];
  return rules.length ? `Matrix: ${rules.map((r) => r.name).join("; ")}` : "";
}
