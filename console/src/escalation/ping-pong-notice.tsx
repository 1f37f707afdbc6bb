import type { Escalation } from "../../../shared/index.js";

/**
 * The ping-pong warning with how the ticket changed hands: who handed it to whom, and what was sent back and why,
 * oldest first, so whoever has it now sees the loop without opening every earlier handoff.
 */
export function PingPongNotice({ escalations }: { escalations: Escalation[] }) {
  const hands = [...escalations].reverse();
  const bounced = hands.filter((e) => e.bounce).length;
  return (
    <div class="notice notice--error" role="note">
      <p>
        <strong>Ping-pong:</strong> this ticket keeps changing hands.{" "}
        {hands.length > 1
          ? `Handed over ${hands.length} times${bounced ? `, sent back ${times(bounced)}` : ""}:`
          : "Several agents worked it without resolving it (see Activity)."}{" "}
        Settle it here or involve a lead.
      </p>
      {hands.length > 1 && (
        <ol class="notice__issues">
          {hands.map((e) => (
            <li key={e.id}>
              {e.fromAgent?.name ?? "someone"} (tier {e.fromTier}) → {e.toAgent?.name ?? "unassigned"} (tier {e.toTier}
              ): {e.summary}
              {e.bounce && (
                <>
                  {" "}
                  — sent back by {e.bounce.by?.name ?? "someone"}: “{e.bounce.reason}”
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
