import type { ComponentChildren } from "preact";

/**
 * A labelled form field with an optional hint and error. The control inside carries `id`; the hint and error get
 * ids of their own (`${id}-hint`, `${id}-error`) so the control can point at them with describedBy(id, …).
 */
export function Field({
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
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? " field--invalid" : ""}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="muted small" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria-describedby and aria-invalid for a Field's control, so a screen reader reads the hint and the error. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? ("true" as const) : undefined };
}

/** A row of checkboxes for picking several values of a list. */
export function CheckboxList<T extends string>({
  label,
  options,
  selected,
  onChange,
  name = (value) => value,
  title,
}: {
  label: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  name?: (value: T) => string;
  title?: (value: T) => string;
}) {
  return (
    <fieldset class="field bare-fieldset">
      <legend>{label}</legend>
      {options.map((value) => (
        <label key={value} title={title?.(value)}>
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) =>
              onChange(e.currentTarget.checked ? [...selected, value] : selected.filter((x) => x !== value))
            }
          />{" "}
          {name(value)}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * After a refused submit: the keyboard goes to the first field the server named (a list's message: its first
 * control), or to the error notice, instead of staying on a submit button that was disabled meanwhile.
 */
export function focusFirstInvalid(form: HTMLElement | null): void {
  if (!form) return;
  const first = form.querySelector<HTMLElement>('[aria-invalid="true"], .field__error, [role="alert"]');
  if (!first) return;
  const control =
    first.getAttribute("aria-invalid") === "true"
      ? first
      : first.classList.contains("field__error")
        ? first.closest("fieldset, .field")?.querySelector<HTMLElement>("input, textarea, select")
        : null;
  if (!control) first.setAttribute("tabindex", "-1");
  (control ?? first).focus();
}
