import { WIDGET_LIMITS } from "../../shared/limits.js";
import type { Strings } from "./strings.js";
import type { FieldName, FormValues } from "./types.js";

/** Same rules as the server (ticketCreateSchema), checked before sending so the customer gets instant feedback. */
export function validate(values: FormValues, t: Strings): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!values.email.trim()) errors.email = t.required;
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = t.invalidEmail;
  // Counted as the server counts (trimmed, UTF-16 units); the fields have no maxLength, which cuts a paste silently.
  for (const [field, max] of [
    ["subject", WIDGET_LIMITS.subject],
    ["description", WIDGET_LIMITS.description],
  ] as const) {
    const length = values[field].trim().length;
    if (!length) errors[field] = t.required;
    else if (length > max) errors[field] = t.fieldTooLong(length, max);
  }
  return errors;
}
