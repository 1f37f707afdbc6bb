import { useState } from "preact/hooks";
import { handoffFieldNames, SEVERITY_DEFINITIONS, type MatrixRule } from "../../../shared/index.js";
import { emptyRuleForm, fromRuleForm, toRuleForm, type RuleFormState } from "./rule-form-state.js";
import { workspaceQueues } from "./workspace-queues.js";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const FIELD_LABELS: Record<(typeof handoffFieldNames)[number], string> = {
  replayMoments: "replay moments",
  customerGoal: "customer goal",
  attempted: "steps tried",
};

/** Adds or edits one rule through plain fields; checked with the server's schema before it joins the draft. */
export function RuleForm({
  rule,
  onSave,
  onCancel,
}: {
  rule: MatrixRule | null;
  onSave: (rule: MatrixRule) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<RuleFormState>(() => (rule ? toRuleForm(rule) : emptyRuleForm()));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const set = (patch: Partial<RuleFormState>) => setForm({ ...form, ...patch });
  const text = (key: keyof RuleFormState, label: string, hint?: string) => (
    <Field id={`rule-${key}`} label={label} hint={hint} error={issues[key]}>
      <input
        id={`rule-${key}`}
        value={String(form[key])}
        onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<RuleFormState>)}
      />
    </Field>
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const result = fromRuleForm(form);
    if ("issues" in result) setIssues(result.issues);
    else onSave(result.rule);
  };

  return (
    <form class="card rule-form" aria-label={rule ? `Edit rule ${rule.name}` : "New rule"} onSubmit={submit} noValidate>
      {text("name", "Rule name")}
      <label>
        <input type="checkbox" checked={form.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />{" "}
        Enabled
      </label>
      <fieldset>
        <legend>When (every condition given must hold)</legend>
        {issues.when && <p class="field__error">{issues.when}</p>}
        <div class="field">
          <span>Severity is</span>
          {SEVERITIES.map((s) => (
            <label key={s} title={SEVERITY_DEFINITIONS[s]}>
              <input
                type="checkbox"
                checked={form.severityIn.includes(s)}
                onChange={(e) =>
                  set({
                    severityIn: e.currentTarget.checked
                      ? [...form.severityIn, s]
                      : form.severityIn.filter((x) => x !== s),
                  })
                }
              />{" "}
              {s}
            </label>
          ))}
        </div>
        {text("keywordsAny", "Subject or description mentions any of", "comma-separated words or phrases")}
        {text("verifiedPlanIn", "Verified customer plan is one of", "e.g. enterprise")}
        {text("failedUrlPatterns", "A failed request to", "URL patterns, * matches anything: */api/*")}
        <div class="escalation-form__row">
          {text("failedStatusMin", "with status from")}
          {text("failedStatusMax", "to")}
        </div>
        {text("consoleErrorContainsAny", "A console error contains any of")}
        <label>
          <input
            type="checkbox"
            checked={form.rageClicks}
            onChange={(e) => set({ rageClicks: e.currentTarget.checked })}
          />{" "}
          The customer rage-clicked
        </label>
        {text("pageUrlPatterns", "The page URL matches", "e.g. */billing*")}
        <div class="escalation-form__row">
          {text("customerRepliesAtLeast", "Customer replies since the last agent reply, at least")}
          {text("minutesInTierWithoutAgentActivity", "Minutes in the tier without agent activity, at least")}
        </div>
      </fieldset>
      <fieldset>
        <legend>Then</legend>
        {issues.then && <p class="field__error">{issues.then}</p>}
        <div class="escalation-form__row">
          <Field id="rule-severity" label="Set severity" error={issues.severity}>
            <select
              id="rule-severity"
              value={form.severity}
              onChange={(e) => set({ severity: e.currentTarget.value as RuleFormState["severity"] })}
            >
              <option value="">(leave)</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </Field>
          <Field id="rule-queue" label="Send to queue" error={issues.queue}>
            <input
              id="rule-queue"
              list="rule-queues"
              value={form.queue}
              onInput={(e) => set({ queue: e.currentTarget.value })}
            />
            <datalist id="rule-queues">
              {workspaceQueues.value.map((q) => (
                <option key={q.name} value={q.name} />
              ))}
            </datalist>
          </Field>
          <Field id="rule-tier" label="At least tier" error={issues.tier}>
            <select id="rule-tier" value={form.tier} onChange={(e) => set({ tier: e.currentTarget.value })}>
              <option value="">(leave)</option>
              {["1", "2", "3"].map((n) => (
                <option key={n} value={n}>
                  Tier {n}
                </option>
              ))}
            </select>
          </Field>
          <Field id="rule-priority" label="Priority" error={issues.priority}>
            <select id="rule-priority" value={form.priority} onChange={(e) => set({ priority: e.currentTarget.value })}>
              <option value="">(leave)</option>
              {["3", "2", "1", "0"].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div class="field">
          <span>The handoff must include</span>
          {handoffFieldNames.map((f) => (
            <label key={f}>
              <input
                type="checkbox"
                checked={form.requiredHandoffFields.includes(f)}
                onChange={(e) =>
                  set({
                    requiredHandoffFields: e.currentTarget.checked
                      ? [...form.requiredHandoffFields, f]
                      : form.requiredHandoffFields.filter((x) => x !== f),
                  })
                }
              />{" "}
              {FIELD_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
      {Object.keys(issues).length > 0 && (
        <p class="field__error" role="alert">
          Fix the highlighted fields.
        </p>
      )}
      <button type="submit" class="button button--primary">
        {rule ? "Update rule" : "Add rule"}
      </button>{" "}
      <button type="button" class="button button--ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class={`field${error ? " field--invalid" : ""}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="muted small">{hint}</p>}
      {error && <p class="field__error">{error}</p>}
    </div>
  );
}
