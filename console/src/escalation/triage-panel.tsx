import { useEffect, useMemo, useState } from "preact/hooks";
import { SEVERITY_DEFINITIONS, TRIAGE_QUEUE, type TicketDetail } from "../../../shared/index.js";
import { api, ApiError } from "../api.js";
import type { TicketModel } from "../ticket/ticket-model.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { href } from "../router.js";
import { Link } from "../ui/link.js";
import { Section } from "../ui/section.js";
import { createEscalationModel } from "./escalation-model.js";

/**
 * Why the ticket has its severity, tier and queue: the rules that fired with their reasons, the classifier's guess
 * (and its two best queues, one click each, while the ticket waits in triage), and the security detector's flag,
 * which an agent can call a false alarm (that trains the workspace's detector).
 */
export function TriagePanel({ ticket, model }: { ticket: TicketDetail; model: TicketModel }) {
  const triage = ticket.triage;
  return (
    <Section
      id="triage"
      title="Triage"
      count={triage?.rules.length ?? 0}
      empty={triage ? undefined : "Not triaged yet."}
    >
      {triage && (
        <>
          {ticket.severity && (
            <p class="muted small">
              {capitalize(ticket.severity)}: {SEVERITY_DEFINITIONS[ticket.severity]}.
            </p>
          )}
          {triage.security?.flagged && <SecurityFlag ticket={ticket} model={model} />}
          {triage.rules.length > 0 && (
            <ul class="triage__rules">
              {triage.rules.map((rule) => (
                <li key={rule.id}>
                  <strong>{rule.name}</strong>
                  <span class="muted small"> — {rule.why.join("; ")}</span>
                </li>
              ))}
            </ul>
          )}
          {triage.classifier && (
            <p class="small">
              Classifier: {triage.classifier.queue ?? "no suggestion"} ({percent(triage.classifier.confidence)}{" "}
              confidence, {triage.classifier.examples} resolved tickets)
              {triage.classifier.used ? ", used" : ", not used"}
            </p>
          )}
          {ticket.queue === TRIAGE_QUEUE && <Suggestions ticket={ticket} model={model} />}
          {triage.note && <p class="muted small">{triage.note}</p>}
          <p class="muted small">Matrix version {triage.matrixVersion}</p>
        </>
      )}
    </Section>
  );
}

/** The classifier's two best queues for a ticket nobody routed: the agent who decides picks one. */
function Suggestions({ ticket, model }: { ticket: TicketDetail; model: TicketModel }) {
  const top = (ticket.triage?.classifier?.top ?? []).filter((s) => s.queue !== TRIAGE_QUEUE).slice(0, 2);
  if (!top.length) return null;
  return (
    <div class="triage__suggestions">
      <p class="small">Suggested queues:</p>
      {top.map((s) => (
        <button
          key={s.queue}
          type="button"
          class="button button--small"
          disabled={model.saving.value}
          onClick={() => void model.update({ queue: s.queue })}
        >
          Move to {s.queue} ({percent(s.confidence)})
        </button>
      ))}
    </div>
  );
}

function SecurityFlag({ ticket, model }: { ticket: TicketDetail; model: TicketModel }) {
  const security = ticket.triage!.security!;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mark = async () => {
    setBusy(true);
    setError(null);
    try {
      model.ticket.value = await api.markSecurityFalseAlarm(ticket.id);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught)));
    } finally {
      setBusy(false);
    }
  };
  if (security.falseAlarm)
    return <p class="small">Security detector: marked as a false alarm; it learns from this ticket.</p>;
  return (
    <div class="notice notice--warn">
      <p class="small">
        <strong>Security detector:</strong>{" "}
        {security.reason ?? `looks like a security incident (${percent(security.probability)})`}.
      </p>
      {error && <ErrorNotice error={error} title="Not marked" />}
      <button type="button" class="button button--small" disabled={busy} onClick={() => void mark()}>
        {busy ? "Marking…" : "Not a security incident"}
      </button>
    </div>
  );
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** Up to three resolved tickets like this one, and how they were resolved. */
export function SimilarTickets({ ticketId }: { ticketId: string }) {
  const model = useMemo(() => createEscalationModel(ticketId, () => {}), [ticketId]);
  useEffect(() => model.start(), [model]);
  const similar = model.similar.value;
  return (
    <Section
      id="similar"
      title="Similar resolved tickets"
      count={similar?.length ?? 0}
      empty={similar ? "None found." : "Looking…"}
    >
      <ul class="similar">
        {(similar ?? []).map((s) => (
          <li key={s.id}>
            <Link href={href(`tickets/${s.id}`)}>
              <span class="mono">{s.reference}</span> {s.subject}
            </Link>
            <p class="muted small">
              {s.matched.join("; ")}
              {s.queue ? ` · ${s.queue}` : ""}
            </p>
            {s.resolution && <p class="small">Resolved with: {s.resolution}</p>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
