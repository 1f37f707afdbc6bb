import { useEffect, useMemo, useState } from "preact/hooks";
import type { CustomerSelector } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { formatDateTime } from "../ui/format.js";
import { Section } from "../ui/section.js";
import { createPrivacyModel, type PrivacyModel } from "./privacy-model.js";

const ACTIONS: Record<string, string> = {
  customer_erased: "Customer erased",
  ticket_deleted: "Ticket deleted",
  tickets_anonymised: "Closed tickets anonymised",
  recordings_expired: "Recordings expired",
  customer_exported: "Customer data exported",
};

/** Data retention, erasure and export requests, and their audit trail. */
export function PrivacySection() {
  const model = useMemo(() => createPrivacyModel(), []);
  useEffect(() => void model.load(), [model]);
  return (
    <Section id="privacy" title="Privacy and retention">
      {model.error.value && <ErrorNotice error={model.error.value} title="Not done" />}
      {model.notice.value && (
        <p role="status" class="notice">
          {model.notice.value}
        </p>
      )}
      <RetentionForm model={model} />
      <CustomerRequests model={model} />
      <h3 class="admin-form__title">Audit</h3>
      {model.audit.value.length === 0 && (
        <p class="muted small">No erasure, export or retention run yet: each one is recorded here.</p>
      )}
      <ul class="privacy-audit small">
        {model.audit.value.map((entry) => (
          <li key={entry.id}>
            {formatDateTime(entry.at)} · {ACTIONS[entry.action] ?? entry.action}
            {entry.actorName ? ` by ${entry.actorName}` : " (automatic)"} ·{" "}
            <span class="muted">
              {Object.entries(entry.details)
                .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
                .join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function RetentionForm({ model }: { model: PrivacyModel }) {
  const current = model.retention.value;
  const [recordingDays, setRecordingDays] = useState("");
  const [anonymiseDays, setAnonymiseDays] = useState("");
  useEffect(() => {
    setRecordingDays(String(current?.recordingDays ?? 90));
    setAnonymiseDays(current?.anonymiseClosedAfterDays ? String(current.anonymiseClosedAfterDays) : "");
  }, [current?.recordingDays, current?.anonymiseClosedAfterDays]);
  return (
    <form
      class="admin-form admin-form--stacked"
      onSubmit={(event) => {
        event.preventDefault();
        void model.saveRetention({
          recordingDays: Number(recordingDays),
          anonymiseClosedAfterDays: anonymiseDays.trim() ? Number(anonymiseDays) : null,
        });
      }}
    >
      <label for="retention-recordings">Delete recordings after (days)</label>
      <input
        id="retention-recordings"
        type="number"
        min={1}
        max={3650}
        required
        value={recordingDays}
        onInput={(e) => setRecordingDays(e.currentTarget.value)}
      />
      <label for="retention-anonymise">Anonymise resolved and closed tickets after (days; empty: never)</label>
      <input
        id="retention-anonymise"
        type="number"
        min={1}
        max={3650}
        value={anonymiseDays}
        onInput={(e) => setAnonymiseDays(e.currentTarget.value)}
      />
      <div>
        <button type="submit" class="button" disabled={model.busy.value}>
          Save retention
        </button>{" "}
        <button type="button" class="button" disabled={model.busy.value} onClick={() => void model.sweepNow()}>
          Apply retention now
        </button>
      </div>
    </form>
  );
}

function CustomerRequests({ model }: { model: PrivacyModel }) {
  const [who, setWho] = useState("");
  const [confirm, setConfirm] = useState(false);
  const selector = (): CustomerSelector => (who.includes("@") ? { email: who.trim() } : { customerId: who.trim() });
  return (
    <form class="admin-form admin-form--stacked" onSubmit={(event) => event.preventDefault()}>
      <h3 class="admin-form__title">A customer's data</h3>
      <label for="privacy-customer">Customer email or user id</label>
      <input id="privacy-customer" value={who} onInput={(e) => setWho(e.currentTarget.value)} />
      <div>
        <button
          type="button"
          class="button"
          disabled={model.busy.value || !who.trim()}
          onClick={() => void model.exportData(selector())}
        >
          Export their data
        </button>
      </div>
      <label class="checkbox">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} /> I understand
        erasing cannot be undone: their tickets keep only counts for metrics
      </label>
      <div>
        <button
          type="button"
          class="button button--danger"
          disabled={model.busy.value || !who.trim() || !confirm}
          onClick={async () => {
            const erased = await model.erase(selector());
            // Nothing found keeps the address, to correct its typo.
            if (erased && erased.tickets > 0) {
              setWho("");
              setConfirm(false);
            }
          }}
        >
          Erase this customer everywhere
        </button>
      </div>
    </form>
  );
}
