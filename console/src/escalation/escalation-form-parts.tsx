import { describedBy, Field } from "../ui/field.js";
import { replayClock } from "./handoff-card.js";

export interface Step {
  action: string;
  result: string;
}

export interface PickedMoment {
  atMs: number;
  note: string;
  include: boolean;
}

const update = <T,>(list: T[], index: number, patch: Partial<T>) =>
  list.map((item, i) => (i === index ? { ...item, ...patch } : item));

/** "What you already tried": action/result pairs, one more on demand. */
export function AttemptedSteps({
  steps,
  onChange,
  issue,
}: {
  steps: Step[];
  onChange: (steps: Step[]) => void;
  issue: (path: string) => string | undefined;
}) {
  const input = (index: number, key: keyof Step) => {
    const id = `esc-${key}-${index}`;
    const error = issue(`attempted.${index}.${key}`);
    return (
      <Field id={id} label={`Step ${index + 1}: ${key}`} error={error}>
        <input
          id={id}
          value={steps[index]![key]}
          {...describedBy(id, undefined, error)}
          onInput={(e) => onChange(update(steps, index, { [key]: e.currentTarget.value }))}
        />
      </Field>
    );
  };
  return (
    <fieldset class="escalation-form__steps">
      <legend>What you already tried</legend>
      {steps.map((_, index) => (
        <div class="escalation-form__row" key={index}>
          {input(index, "action")}
          {input(index, "result")}
        </div>
      ))}
      {issue("attempted") && !issue("attempted.0") && <p class="field__error">{issue("attempted")}</p>}
      <button
        type="button"
        class="button button--small"
        onClick={() => onChange([...steps, { action: "", result: "" }])}
      >
        Add a step
      </button>
    </fieldset>
  );
}

/** The drafted replay moments, each kept or dropped with a checkbox. */
export function MomentPicker({
  moments,
  onChange,
  error,
}: {
  moments: PickedMoment[];
  onChange: (moments: PickedMoment[]) => void;
  error: string | undefined;
}) {
  return (
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
            onChange={(e) => onChange(update(moments, index, { include: e.currentTarget.checked }))}
          />{" "}
          <span class="mono">{replayClock(moment.atMs)}</span> {moment.note}
        </label>
      ))}
      {error && <p class="field__error">{error}</p>}
    </fieldset>
  );
}
