import { useEffect, useState } from "preact/hooks";
import { feedbackStateSchema, METRICS_PATHS, type FeedbackState } from "../../../shared/index.js";
import { ApiError, isAbort, json } from "../api.js";
import { ErrorNotice } from "../ui/error-notice.js";

/**
 * Asked once of the agent who received this ticket's handoff, after it is resolved: did the handoff have what you
 * needed? The answer feeds the metrics dashboard. Shown only while the server says it is eligible and unanswered.
 */
export function HandoffFeedback({ ticketId, version }: { ticketId: string; version: string }) {
  const [state, setState] = useState<FeedbackState | null>(null);
  const [missingOpen, setMissingOpen] = useState(false);
  const [missing, setMissing] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [thanked, setThanked] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    json(METRICS_PATHS.agentFeedback(ticketId), feedbackStateSchema, { signal: controller.signal })
      .then(setState)
      .catch((caught) => {
        if (!isAbort(caught)) setState(null);
      });
    return () => controller.abort();
  }, [ticketId, version]);

  const answer = async (handoffHadWhatWasNeeded: boolean) => {
    setSaving(true);
    setError(null);
    try {
      const body =
        handoffHadWhatWasNeeded || !missing.trim()
          ? { handoffHadWhatWasNeeded }
          : { handoffHadWhatWasNeeded, missing: missing.trim() };
      setState(await json(METRICS_PATHS.agentFeedback(ticketId), feedbackStateSchema, { method: "POST", body }));
      setThanked(true);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught)));
    } finally {
      setSaving(false);
    }
  };

  if (thanked)
    return (
      <p class="notice" role="status">
        Thanks: your answer about the handoff is recorded.
      </p>
    );
  if (!state?.eligible) return null;
  return (
    <section class="card" aria-labelledby="handoff-feedback-title">
      <h2 class="card__title" id="handoff-feedback-title">
        Did the handoff have what you needed?
      </h2>
      <p class="muted small">
        You received this ticket in an escalation. One question, asked once; it feeds the escalation metrics.
      </p>
      {error && <ErrorNotice error={error} title="Couldn't save your answer" />}
      {missingOpen ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void answer(false);
          }}
        >
          <label>
            What was missing? (optional)
            <textarea
              name="missing"
              rows={3}
              maxLength={2000}
              value={missing}
              onInput={(e) => setMissing((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="button button--primary" disabled={saving}>
              Send answer
            </button>
            <button type="button" class="button" onClick={() => setMissingOpen(false)} disabled={saving}>
              Back
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class="button button--primary" onClick={() => void answer(true)} disabled={saving}>
            Yes, it had what I needed
          </button>
          <button type="button" class="button" onClick={() => setMissingOpen(true)} disabled={saving}>
            No, something was missing
          </button>
        </div>
      )}
    </section>
  );
}
