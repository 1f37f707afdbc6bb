import { useState } from "preact/hooks";
import { handoffFieldNames, SEVERITY_DEFINITIONS, type MatrixRule } from "../../../shared/index.js";
import { CheckboxList, describedBy, Field } from "../ui/field.js";
import { emptyRuleForm, fromRuleForm, toRuleForm, type RuleFormState } from "./rule-form-state.js";
import { workspaceQueues } from "./workspace-queues.js";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const FIELD_LABELS: Record<(typeof handoffFieldNames)[number], string> = {
  replayMoments: "replay moments",
  customerGoal: "customer goal",
  attempted: "steps tried",
};

/** What each part of the form gets: the state, a patcher and the issues by field. */
interface PartProps {
  form: RuleFormState;
  set: (patch: Partial<RuleFormState>) => void;
  issues: Record<string, string>;
}

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
  const part: PartProps = { form, set: (patch) => setForm({ ...form, ...patch }), issues };
  const submit = (event: Event) => {
    event.preventDefault();
    const result = fromRuleForm(form);
    if ("issues" in result) setIssues(result.issues);
    else onSave(result.rule);
  };

  return (
    <form class="card rule-form" aria-label={rule ? `Edit rule ${rule.name}` : "New rule"} onSubmit={submit} noValidate>
      <TextField {...part} name="name" label="Rule name" />
      <label>
        <input
          type="checkbox"
          checked={form.enabled}
          onChange={(e) => part.set({ enabled: e.currentTarget.checked })}
        />{" "}
        Enabled
      </label>
      <RuleConditions {...part} />
      <RuleOutcome {...part} />
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

function RuleConditions(part: PartProps) {
  const { form, set, issues } = part;
  return (
    <fieldset>
      <legend>When (every condition given must hold)</legend>
      {issues.when && <p class="field__error">{issues.when}</p>}
      <CheckboxList
        label="Severity is"
        options={SEVERITIES}
        selected={form.severityIn}
        onChange={(severityIn) => set({ severityIn })}
        title={(s) => SEVERITY_DEFINITIONS[s]}
      />
      <TextField
        {...part}
        name="keywordsAny"
        label="Subject or description mentions any of"
        hint="comma-separated words or phrases"
      />
      <TextField {...part} name="verifiedPlanIn" label="Verified customer plan is one of" hint="e.g. enterprise" />
      <TextField
        {...part}
        name="failedUrlPatterns"
        label="A failed request to"
        hint="URL patterns, * matches anything: */api/*"
      />
      <div class="escalation-form__row">
        <TextField {...part} name="failedStatusMin" label="with status from" />
        <TextField {...part} name="failedStatusMax" label="to" />
      </div>
      <TextField {...part} name="consoleErrorContainsAny" label="A console error contains any of" />
      <label>
        <input
          type="checkbox"
          checked={form.rageClicks}
          onChange={(e) => set({ rageClicks: e.currentTarget.checked })}
        />{" "}
        The customer rage-clicked
      </label>
      <TextField {...part} name="pageUrlPatterns" label="The page URL matches" hint="e.g. */billing*" />
      <div class="escalation-form__row">
        <TextField
          {...part}
          name="customerRepliesAtLeast"
          label="Customer replies since the last agent reply, at least"
        />
        <TextField
          {...part}
          name="minutesInTierWithoutAgentActivity"
          label="Minutes in the tier without agent activity, at least"
        />
      </div>
    </fieldset>
  );
}

function RuleOutcome({ form, set, issues }: PartProps) {
  const choice = (
    key: "severity" | "tier" | "priority",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <Field id={`rule-${key}`} label={label} error={issues[key]}>
      <select
        id={`rule-${key}`}
        value={form[key]}
        {...describedBy(`rule-${key}`, undefined, issues[key])}
        onChange={(e) => set({ [key]: e.currentTarget.value } as Partial<RuleFormState>)}
      >
        <option value="">(leave)</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <fieldset>
      <legend>Then</legend>
      {issues.then && <p class="field__error">{issues.then}</p>}
      <div class="escalation-form__row">
        {choice(
          "severity",
          "Set severity",
          SEVERITIES.map((s) => ({ value: s, label: s })),
        )}
        <Field id="rule-queue" label="Send to queue" error={issues.queue}>
          <input
            id="rule-queue"
            list="rule-queues"
            value={form.queue}
            {...describedBy("rule-queue", undefined, issues.queue)}
            onInput={(e) => set({ queue: e.currentTarget.value })}
          />
          <datalist id="rule-queues">
            {workspaceQueues.value.map((q) => (
              <option key={q.name} value={q.name} />
            ))}
          </datalist>
        </Field>
        {choice(
          "tier",
          "At least tier",
          ["1", "2", "3"].map((n) => ({ value: n, label: `Tier ${n}` })),
        )}
        {choice(
          "priority",
          "Priority",
          ["3", "2", "1", "0"].map((n) => ({ value: n, label: n })),
        )}
      </div>
      <CheckboxList
        label="The handoff must include"
        options={handoffFieldNames}
        selected={form.requiredHandoffFields}
        onChange={(requiredHandoffFields) => set({ requiredHandoffFields })}
        name={(f) => FIELD_LABELS[f]}
      />
    </fieldset>
  );
}

type TextKey = {
  [K in keyof RuleFormState]: RuleFormState[K] extends string ? K : never;
}[keyof RuleFormState];

function TextField({
  form,
  set,
  issues,
  name,
  label,
  hint,
}: PartProps & { name: TextKey; label: string; hint?: string }) {
  const id = `rule-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={issues[name]}>
      <input
        id={id}
        value={form[name]}
        {...describedBy(id, hint, issues[name])}
        onInput={(e) => set({ [name]: e.currentTarget.value } as Partial<RuleFormState>)}
      />
    </Field>
  );
}
