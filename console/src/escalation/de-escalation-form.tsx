import { useEffect, useRef, useState } from "preact/hooks";
import type { TicketDetail } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { sendOnModEnter } from "../ui/send-keys.js";
import type { EscalationModel } from "./escalation-model.js";
import { useSeen } from "./escalation-form.js";

/** Sends the ticket down a tier with a reason (e.g. the fix is deployed and first line confirms with the customer). */
export function DeEscalationForm({
  ticket,
  model,
  onDone,
}: {
  ticket: TicketDetail;
  model: EscalationModel;
  onDone: () => void;
}) {
  const [toTier, setToTier] = useState(ticket.tier - 1);
  const [reason, setReason] = useState("");
  const [seen] = useSeen(ticket, model);
  const error = model.submitError.value;
  const issue = (path: string) => error?.issues.find((i) => i.path === path)?.message;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    if (await model.deEscalate(toTier, reason, seen)) onDone();
  }

  return (
    <form
      class="card escalation-form"
      aria-labelledby="de-escalate-title"
      onSubmit={submit}
      onKeyDown={sendOnModEnter}
      noValidate
    >
      <h2 class="card__title" id="de-escalate-title">
        Move {ticket.reference} down a tier
      </h2>
      <div class={`field${issue("toTier") ? " field--invalid" : ""}`}>
        <label for="deesc-tier">To tier</label>
        <select
          ref={first}
          id="deesc-tier"
          value={String(toTier)}
          onChange={(e) => setToTier(Number(e.currentTarget.value))}
        >
          {[1, 2]
            .filter((tier) => tier < ticket.tier)
            .map((tier) => (
              <option key={tier} value={String(tier)}>
                Tier {tier}
              </option>
            ))}
        </select>
        {issue("toTier") && <p class="field__error">{issue("toTier")}</p>}
      </div>
      <div class={`field${issue("reason") ? " field--invalid" : ""}`}>
        <label for="deesc-reason">Why it can go back</label>
        <textarea id="deesc-reason" rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {issue("reason") && <p class="field__error">{issue("reason")}</p>}
      </div>
      {error && <ErrorNotice error={error} title="Couldn't move the ticket" />}
      <button type="submit" class="button button--primary" disabled={model.submitting.value}>
        Move to tier {toTier}
      </button>{" "}
      <button type="button" class="button button--ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
