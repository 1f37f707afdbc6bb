import { useEffect, useState } from "preact/hooks";
import type { EscalationSettings } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import type { MatrixModel } from "./matrix-model.js";

const FIELDS: { key: keyof EscalationSettings; label: string; step?: string }[] = [
  {
    key: "tier1MinutesWithoutProgress",
    label: "Suggest escalating a tier-1 ticket after this many minutes without agent activity",
  },
  { key: "customerRepliesBeforeSuggest", label: "…or after this many customer replies since the last agent reply" },
  { key: "pingPongAgents", label: "Ping-pong: flag a ticket touched by this many agents" },
  { key: "pingPongEscalations", label: "…or escalated this many times without resolution" },
  {
    key: "classifierMinConfidence",
    label: "Route by the classifier's suggestion from this confidence (0.5–1)",
    step: "0.05",
  },
  { key: "classifierMinExamples", label: "The classifier speaks after learning from this many resolved tickets" },
];

/** The workspace's escalation thresholds; admins edit, everyone else reads. */
export function EscalationSettingsSection({ model, isAdmin }: { model: MatrixModel; isAdmin: boolean }) {
  const saved = model.settings.value;
  const [values, setValues] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (saved) setValues(Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, String(v)])));
  }, [saved]);
  if (!saved) return null;
  const error = model.settingsError.value;
  const issue = (key: string) => error?.issues.find((i) => i.path === key)?.message;

  async function submit(event: Event) {
    event.preventDefault();
    setDone(false);
    const body = Object.fromEntries(FIELDS.map(({ key }) => [key, Number(values[key])]));
    if (await model.saveSettings(body)) setDone(true);
  }

  return (
    <form class="card" aria-labelledby="thresholds-title" onSubmit={submit} noValidate>
      <h2 class="card__title" id="thresholds-title">
        Escalation thresholds
      </h2>
      {FIELDS.map(({ key, label, step }) => (
        <div class={`field${issue(key) ? " field--invalid" : ""}`} key={key}>
          <label for={`setting-${key}`}>{label}</label>
          <input
            id={`setting-${key}`}
            type="number"
            step={step ?? "1"}
            readOnly={!isAdmin}
            value={values[key] ?? ""}
            onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
          />
          {issue(key) && <p class="field__error">{issue(key)}</p>}
        </div>
      ))}
      {error && <ErrorNotice error={error} title="Couldn't save the thresholds" />}
      {done && <p role="status">Thresholds saved.</p>}
      {isAdmin && (
        <button type="submit" class="button button--primary">
          Save thresholds
        </button>
      )}
    </form>
  );
}
