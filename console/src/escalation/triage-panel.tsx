import { useEffect, useMemo } from "preact/hooks";
import { SEVERITY_DEFINITIONS, type TicketDetail } from "../../../shared/index.js";
import { href } from "../router.js";
import { Link } from "../ui/link.js";
import { Section } from "../ui/section.js";
import { createEscalationModel } from "./escalation-model.js";

/** Why the ticket has its severity, tier and queue: the rules that fired, each with its reasons. */
export function TriagePanel({ ticket }: { ticket: TicketDetail }) {
  const triage = ticket.triage;
  return (
    <Section id="triage" title="Triage" count={triage?.rules.length ?? 0} empty="Not triaged yet.">
      {triage && (
        <>
          {ticket.severity && (
            <p class="muted small">
              {capitalize(ticket.severity)}: {SEVERITY_DEFINITIONS[ticket.severity]}.
            </p>
          )}
          <ul class="triage__rules">
            {triage.rules.map((rule) => (
              <li key={rule.id}>
                <strong>{rule.name}</strong>
                <span class="muted small"> — {rule.why.join("; ")}</span>
              </li>
            ))}
          </ul>
          {triage.classifier && (
            <p class="small">
              Classifier: {triage.classifier.queue ?? "no suggestion"} ({Math.round(triage.classifier.confidence * 100)}
              % confidence, {triage.classifier.examples} resolved tickets)
              {triage.classifier.used ? ", used" : ", not used"}
            </p>
          )}
          {triage.note && <p class="muted small">{triage.note}</p>}
          <p class="muted small">Matrix version {triage.matrixVersion}</p>
        </>
      )}
    </Section>
  );
}

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
